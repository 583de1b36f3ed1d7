import { LONG_TERM } from '@beian/core';
import { emitFieldChange } from '../field-kit';
import { labelledField } from '../form-field';

/**
 * A certificate date (`YYYY-MM-DD`) picked with a date picker, plus 长期 for an end date that
 * never expires. Start dates lie in the past; end dates may be far ahead, and an already expired
 * one can still be entered so the check can say so.
 */

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The picker works in the phone's local calendar, so the date is read back the same way. */
function toIsoDate(timestamp: number): string {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function toTimestamp(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

Component({
  behaviors: [labelledField],
  properties: {
    value: { type: String, value: '' },
    /** 'start' or 'end' of a validity period: decides the picker's range. */
    range: { type: String, value: 'start' },
    allowLongTerm: { type: Boolean, value: false },
  },
  data: {
    /** The 长期 literal, for the WXML to compare the value with (no observer, no setData). */
    longTermValue: LONG_TERM,
    open: false,
    /** The popup is built on the first open, then kept (see the WXML). */
    mounted: false,
    pickerValue: 0,
    minDate: 0,
    maxDate: 0,
  },
  methods: {
    onOpen() {
      if (this.data.value === LONG_TERM) return;
      const now = Date.now();
      const isEnd = this.data.range === 'end';
      this.setData({
        open: true,
        mounted: true,
        minDate: now - (isEnd ? 10 : 50) * YEAR_MS,
        maxDate: now + (isEnd ? 60 : 0) * YEAR_MS,
        pickerValue: toTimestamp(this.data.value) ?? now,
      });
    },
    onClose() {
      this.setData({ open: false });
    },
    onConfirm(event: { detail: number }) {
      this.setData({ open: false });
      emitFieldChange(this, this.data.path, toIsoDate(event.detail));
    },
    /** The whole row toggles 长期 (the checkbox only shows it): unticked, the date is asked again. */
    onLongTerm() {
      emitFieldChange(this, this.data.path, this.data.value === LONG_TERM ? '' : LONG_TERM);
    },
  },
});
