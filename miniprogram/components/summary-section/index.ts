/**
 * 确认提交: the full check from the server (what blocks submission, what risks a rejection and
 * why) with a way to each field, and the materials checklist with uploaders for the letters that
 * belong to no section. The page owns the submit button: the subscribe-consent request must run
 * in the page's own tap handler.
 */

/** One problem as the summary lists it (prepared by the page from the check report). */
export interface IssueRow {
  path: string;
  /** `主体负责人手机号码` */
  label: string;
  /** The step that holds the field: `主体负责人`. */
  step: string;
  message: string;
}

export interface MaterialRow {
  path: string;
  /** The `materials` key when the file is uploaded here, '' when it belongs to a section. */
  key: string;
  /** Uploaded from the summary (images); otherwise the row says where it is provided. */
  uploadable: boolean;
  label: string;
  required: boolean;
  reason: string;
  max: number;
  provided: number;
}

Component({
  properties: {
    checking: { type: Boolean, value: false },
    checkError: { type: String, value: '' },
    errorRows: { type: Array, value: [] },
    warningRows: { type: Array, value: [] },
    materials: { type: Array, value: [] },
    materialValues: { type: Object, value: {} },
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
  },
  methods: {
    onJump(event: { currentTarget: { dataset: { path: string } } }) {
      this.triggerEvent('jump', { path: event.currentTarget.dataset.path });
    },
    onRetry() {
      this.triggerEvent('recheck', {});
    },
  },
});
