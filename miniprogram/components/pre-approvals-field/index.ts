import { NONE_PRE_APPROVAL, type PreApproval } from '@beian/core';
import { currentLookup } from '../../services/tables';
import { emitFieldChange, followFocus } from '../field-kit';
import { derivedView, setChanged } from '../../utils/set-data';

/**
 * 前置审批项: the approvals the service's content needs (新闻, 出版, 药品 …), each with its approval
 * number and a scan, or 以上都不涉及 — which stands alone: choosing it clears the others and
 * choosing another clears it, so the filer cannot send a contradiction.
 */

interface TypeOption {
  id: number;
  name: string;
}

/** The options, as the tables have them now; which are ticked is derived in WXML (chosen.wxs). */
function typeOptions(): TypeOption[] {
  return currentLookup().tables.preApprovalTypes.map((type) => ({ id: type.id, name: type.name }));
}

interface Entry {
  /** Index in the form's array: paths of the item's fields use it. */
  index: number;
  name: string;
}

function approvals(value: unknown): PreApproval[] {
  return Array.isArray(value) ? (value as PreApproval[]) : [];
}

function toggledApprovals(current: readonly PreApproval[], type: number): PreApproval[] {
  if (current.some((item) => item.type === type)) return current.filter((item) => item.type !== type);
  const fresh: PreApproval = { type, code: '', media: '' };
  if (type === NONE_PRE_APPROVAL) return [fresh];
  return [...current.filter((item) => item.type !== NONE_PRE_APPROVAL), fresh];
}

Component({
  behaviors: [derivedView],
  properties: {
    path: { type: String, value: '' },
    value: { type: Array, value: [] },
    /** The error mirror of the array: `_` for the list itself, then per index. */
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
  },
  data: { types: typeOptions(), entries: [] as Entry[] },
  lifetimes: {
    // The tables may have been refreshed since this module loaded: nothing is sent if not.
    attached() {
      setChanged(this, { types: typeOptions() });
    },
  },
  observers: {
    // A list of items with its own errors mirror, not one value: it shares the focus handling of
    // the field controls (form-field.ts) but not their error/reason properties.
    'path, focusPath': followFocus,
    value(value: unknown) {
      const chosen = approvals(value);
      const lookup = currentLookup();
      setChanged(this, {
        entries: chosen
          .map((item, index) => ({ index, name: lookup.preApprovalTypeName(item.type), type: item.type }))
          .filter((entry) => entry.type !== NONE_PRE_APPROVAL)
          .map(({ index, name }) => ({ index, name })),
      });
    },
  },
  methods: {
    onToggle(event: { currentTarget: { dataset: { id: number } } }) {
      emitFieldChange(
        this,
        this.data.path,
        toggledApprovals(approvals(this.data.value), event.currentTarget.dataset.id),
      );
    },
  },
});
