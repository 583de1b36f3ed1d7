/**
 * What a part of the form that holds fields takes from the page besides its own slice of the form:
 * the check's errors, the reviewers' reasons and recognition's notes, each mirrored in the form's
 * shape (pages/filing-form/issue-board.ts), and the field the page jumped to. The part passes them
 * on to its field controls (components/form-field.ts).
 */
export const formSection = Behavior({
  properties: {
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    /** 来自证件识别，请核对 at the fields recognition filled (pages/filing-form/recognition.ts). */
    notes: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
  },
});
