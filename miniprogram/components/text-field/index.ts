import { fieldSpec } from '@beian/core';
import { emitFieldBlur, emitFieldChange } from '../field-kit';
import { formField } from '../form-field';
import { setChanged } from '../../utils/set-data';

/**
 * One text input of the form: a van-field bound to a form path. It shows the check's error at the
 * field, a reviewer's rejection reason under it, and marks itself when the page jumps to it.
 */
Component({
  behaviors: [formField],
  properties: {
    label: { type: String, value: '' },
    value: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    /** van-field input types: text, number, idcard, digit, textarea. */
    type: { type: String, value: 'text' },
    /** Defaults to the field's storage bound from core's FIELD_SPECS. */
    maxlength: { type: Number, value: -1 },
    required: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    hint: { type: String, value: '' },
  },
  data: { limit: -1 },
  observers: {
    'path, maxlength': function (path: string, maxlength: number) {
      setChanged(this, { limit: maxlength > 0 ? maxlength : (fieldSpec(path)?.maxLength ?? -1) });
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
