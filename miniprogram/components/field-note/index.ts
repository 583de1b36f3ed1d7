/** A note under a field the form filled in for the filer (来自证件识别，请核对), until they edit it. */
Component({
  properties: {
    text: { type: String, value: '' },
  },
});
