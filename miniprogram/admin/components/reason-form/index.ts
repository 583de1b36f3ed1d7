import { blankReason, checkReasons, type FieldOption, type ReasonDraft } from './draft';

/**
 * The reject form of the review page: reasons picked per field (by label), each with the error and
 * a suggestion. Emits `submit` with `{ reasons }` only when every reason is complete; the page
 * sends them. Reasons already written survive a failed send.
 */
Component({
  properties: {
    /** The fields a reason may name: `{ path, label }`, in form order. */
    options: { type: Array, value: [] as FieldOption[] },
    busy: { type: Boolean, value: false },
    /** The send button's text, e.g. 驳回（平台初审）. */
    action: { type: String, value: '发送驳回' },
  },
  data: {
    drafts: [blankReason()] as ReasonDraft[],
    message: '',
  },
  methods: {
    indexOf(event: { currentTarget: { dataset: { index?: number } } }): number {
      return Number(event.currentTarget.dataset.index ?? -1);
    },
    onPick(event: {
      currentTarget: { dataset: { index?: number } };
      detail: { value: string | number };
    }): void {
      const index = this.indexOf(event);
      const option = (this.data.options as FieldOption[])[Number(event.detail.value)];
      if (!option || !this.data.drafts[index]) return;
      this.setData({
        [`drafts[${index}].field`]: option.path,
        [`drafts[${index}].label`]: option.label,
        [`drafts[${index}].problem`]: '',
      });
    },
    onError(event: { currentTarget: { dataset: { index?: number } }; detail: string }): void {
      const index = this.indexOf(event);
      if (this.data.drafts[index]) this.setData({ [`drafts[${index}].error`]: event.detail });
    },
    onSuggest(event: { currentTarget: { dataset: { index?: number } }; detail: string }): void {
      const index = this.indexOf(event);
      if (this.data.drafts[index]) this.setData({ [`drafts[${index}].suggest`]: event.detail });
    },
    onAdd(): void {
      this.setData({ [`drafts[${this.data.drafts.length}]`]: blankReason() });
    },
    onRemove(event: { currentTarget: { dataset: { index?: number } } }): void {
      const index = this.indexOf(event);
      this.setData({ drafts: this.data.drafts.filter((_, at) => at !== index) });
    },
    /** The review page calls this when a reviewer flags a field while reading the application. */
    addField(option: FieldOption): void {
      const blank = this.data.drafts.findIndex((draft) => !draft.field && !draft.error);
      const at = blank >= 0 ? blank : this.data.drafts.length;
      this.setData({ [`drafts[${at}]`]: blankReason(option), message: '' });
    },
    onSubmit(): void {
      if (this.data.busy) return;
      const result = checkReasons(this.data.drafts);
      if (!result.ok) {
        this.setData({
          drafts: result.drafts.length > 0 ? result.drafts : this.data.drafts,
          message: result.message,
        });
        return;
      }
      this.setData({ message: '' });
      this.triggerEvent('submit', { reasons: result.reasons });
    },
  },
});
