import { emitFieldChange } from '../field-kit';
import { labelledField } from '../form-field';
import { setChanged } from '../../utils/set-data';

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

function chosenText(options: readonly SelectOption[], value: unknown): string {
  return options.find((option) => option.value === value)?.text ?? '';
}

function sheetActions(options: readonly SelectOption[], value: unknown): SheetAction[] {
  return options.map((option) => ({
    name: option.text,
    subname: option.note ?? '',
    value: option.value,
    color: option.value === value ? '#1989fa' : '',
  }));
}

/**
 * A choice from a short list (主体性质, 证件类型): a cell showing the chosen text that opens an
 * action sheet. The value is the option's id, or null while nothing is chosen. The sheet's actions
 * are built when the filer opens it: the closed field only holds the chosen text, so re-renders of
 * its section never carry the option list.
 */
Component({
  behaviors: [labelledField],
  properties: {
    value: { type: null, value: null },
    options: { type: Array, value: [] },
    placeholder: { type: String, value: '请选择' },
    disabled: { type: Boolean, value: false },
  },
  data: { text: '', actions: [] as SheetAction[], open: false },
  observers: {
    'options, value': function (options: SelectOption[], value: unknown) {
      setChanged(this, { text: chosenText(options, value) });
    },
  },
  methods: {
    onOpen() {
      if (this.data.disabled) return;
      const actions = sheetActions(this.data.options as SelectOption[], this.data.value);
      setChanged(this, { open: true, actions });
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
