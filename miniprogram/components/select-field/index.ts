import { markFocus, emitFieldChange } from '../field-kit';

/** One choice of a select field: a numeric id (WeChat's own) and what the filer reads. */
export interface SelectOption {
  value: number;
  text: string;
  /** A line under the option, e.g. when to choose it. */
  note?: string;
}

interface SheetAction {
  name: string;
  subname: string;
  value: number;
  /** The chosen option stands out in the sheet. */
  color: string;
}

/**
 * A choice from a short list (主体性质, 证件类型): a cell showing the chosen text that opens an
 * action sheet. The value is the option's id, or null while nothing is chosen.
 */
Component({
  properties: {
    path: { type: String, value: '' },
    label: { type: String, value: '' },
    value: { type: null, value: null },
    options: { type: Array, value: [] },
    placeholder: { type: String, value: '请选择' },
    required: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    error: { type: String, value: '' },
    reason: { type: String, value: '' },
    focusPath: { type: String, value: '' },
  },
  data: { anchor: '', focused: false, text: '', actions: [] as SheetAction[], open: false },
  observers: {
    'path, focusPath': markFocus,
    'options, value': function (options: SelectOption[], value: unknown) {
      const chosen = options.find((option) => option.value === value);
      this.setData({
        text: chosen?.text ?? '',
        actions: options.map((option) => ({
          name: option.text,
          subname: option.note ?? '',
          value: option.value,
          color: option.value === value ? '#1989fa' : '',
        })),
      });
    },
  },
  methods: {
    onOpen() {
      if (!this.data.disabled) this.setData({ open: true });
    },
    onClose() {
      this.setData({ open: false });
    },
    onSelect(event: { detail: SheetAction }) {
      this.setData({ open: false });
      if (event.detail.value !== this.data.value) emitFieldChange(this, this.data.path, event.detail.value);
    },
  },
});
