import { fieldSpec } from '@beian/core';
import { emitFieldBlur, emitFieldChange, markFocus } from '../field-kit';

/**
 * One text input of the form: a van-field bound to a form path. It shows the check's error at the
 * field, a reviewer's rejection reason under it, and marks itself when the page jumps to it.
 */
Component({
  properties: {
    path: { type: String, value: '' },
    label: { type: String, value: '' },
    value: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    /** van-field input types: text, number, idcard, digit, textarea. */
    type: { type: String, value: 'text' },
    /** Defaults to the field's storage bound from core's FIELD_SPECS. */
    maxlength: { type: Number, value: -1 },
    required: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    error: { type: String, value: '' },
    reason: { type: String, value: '' },
    hint: { type: String, value: '' },
    focusPath: { type: String, value: '' },
  },
  data: { anchor: '', focused: false, limit: -1 },
  observers: {
    'path, focusPath': markFocus,
    'path, maxlength': function (path: string, maxlength: number) {
      this.setData({ limit: maxlength > 0 ? maxlength : (fieldSpec(path)?.maxLength ?? -1) });
    },
  },
  methods: {
    onChange(event: { detail: string }) {
      emitFieldChange(this, this.data.path, event.detail, false);
    },
    onBlur() {
      emitFieldBlur(this, this.data.path);
    },
  },
});
