import { fieldSpec } from '@beian/core';
import { emitFieldBlur, emitFieldChange, needsInput } from '../field-kit';
import { labelledField } from '../form-field';
import { setChanged } from '../../utils/set-data';

/**
 * One text input of the form: a van-field bound to a form path. It shows the check's error at the
 * field, a reviewer's rejection reason under it, and marks itself when the page jumps to it.
 *
 * A filled field with nothing to say shows its value in a van-cell, and builds its van-field when
 * the filer taps it (focused, so the keyboard opens): van-field sets its data twice as it is built,
 * and a step change would build up to ten (docs/benchmarks.md, finding 8). `limit` is derived when
 * the input is built; 0 until then is what keeps the cell (field.wxs `showsCell`).
 */

/** The input's length bound: the given maxlength, else the field's storage bound from core's FIELD_SPECS. */
function boundOf(path: string, maxlength: number): number {
  return maxlength > 0 ? maxlength : (fieldSpec(path)?.maxLength ?? -1);
}

Component({
  behaviors: [labelledField],
  properties: {
    value: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    /** van-field input types: text, number, idcard, digit, textarea. */
    type: { type: String, value: 'text' },
    /** Defaults to the field's storage bound from core's FIELD_SPECS. */
    maxlength: { type: Number, value: -1 },
    disabled: { type: Boolean, value: false },
    hint: { type: String, value: '' },
  },
  data: {
    /** 0 while the field shows a cell; the input's bound (-1 for none) once it is built. */
    limit: 0,
    /** The filer tapped the cell: the input is built focused. */
    autofocus: false,
  },
  observers: {
    // Runs on every keystroke in the section (its value is set again); sends nothing unchanged.
    'path, maxlength, value, error, reason, focusPath': function (
      path: string,
      maxlength: number,
      value: string,
      error: string,
      reason: string,
      focusPath: string,
    ) {
      if (this.data.limit !== 0 || needsInput(path, value, error, reason, focusPath)) {
        setChanged(this, { limit: boundOf(path, maxlength) });
      }
    },
  },
  methods: {
    onEdit() {
      if (this.data.disabled) return;
      this.setData({ limit: boundOf(this.data.path, this.data.maxlength), autofocus: true });
    },
    onChange(event: { detail: string }) {
      emitFieldChange(this, this.data.path, event.detail, false);
    },
    onBlur() {
      emitFieldBlur(this, this.data.path);
    },
  },
});
