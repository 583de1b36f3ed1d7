/**
 * 识别并填写 under a certificate photo, once there is a photo: asks the form page to read it
 * (docs/certificate-recognition.md). The `recognize` event bubbles across components, like the
 * fields' own events, so the sections need not forward it.
 */
Component({
  properties: {
    /** The photo's form path, e.g. `subject.principal.certificate.photoFront`. */
    path: { type: String, value: '' },
    /** The photo's file id: nothing shows until there is one. */
    photo: { type: String, value: '' },
  },
  methods: {
    onTap() {
      this.triggerEvent('recognize', { path: this.data.path }, { bubbles: true, composed: true });
    },
  },
});
