/**
 * The payloads reviewers type: rejection reasons and the record number. Both are checked here,
 * whoever sends them (admin page, cloud console JSON), and stored trimmed.
 */
import type { Application, Reason } from '../model/application';
import type { Failure, Issue } from '../result';
import { KIND_INFO } from '../model/kinds';
import { checkRecordNumber } from '../rules/record-number';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: Failure };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** At least one reason, each with the field it concerns and what is wrong (the suggestion may be empty). */
export function checkRejectionReasons(reasons: unknown): Checked<Reason[]> {
  if (!Array.isArray(reasons) || reasons.length === 0) {
    const fields = [
      { path: 'reasons', code: 'required', message: '请至少填写一条驳回原因，说明哪一项有什么问题。' },
    ];
    return { ok: false, error: { code: 'VALIDATION', message: '驳回需要写明原因。', fields } };
  }
  const issues: Issue[] = [];
  const checked = reasons.map((reason: unknown, index): Reason => {
    const entry = typeof reason === 'object' && reason !== null ? (reason as Record<string, unknown>) : {};
    const [field, error, suggest] = [text(entry.field), text(entry.error), text(entry.suggest)];
    if (field === '')
      issues.push({ path: `reasons.${index}.field`, code: 'required', message: '请选择驳回的是哪一项。' });
    if (error === '')
      issues.push({ path: `reasons.${index}.error`, code: 'required', message: '请写明这一项的问题。' });
    if (entry.suggest !== undefined && typeof entry.suggest !== 'string') {
      issues.push({ path: `reasons.${index}.suggest`, code: 'invalid', message: '修改建议应为文字。' });
    }
    return { field, error, suggest };
  });
  if (issues.length > 0) {
    return {
      ok: false,
      error: { code: 'VALIDATION', message: '驳回原因不完整，请补充后再提交。', fields: issues },
    };
  }
  return { ok: true, value: checked };
}

/**
 * The number issued on approval, in the rules' format (`粤ICP备12345678号-1X`, or a licence
 * prefix `粤B2-20090059-1626X`). A change or cancellation keeps the number of the record it
 * started from, so there the reviewer's number must be that one: a typo would otherwise silently
 * renumber the record, or cancel another one.
 */
export function checkApprovalNumber(
  application: Pick<Application, 'kind' | 'recordNumber'>,
  recordNumber: unknown,
): Checked<string> {
  const value = text(recordNumber);
  const issue = approvalNumberIssue(application, value);
  if (issue) return { ok: false, error: { code: 'VALIDATION', message: issue.message, fields: [issue] } };
  return { ok: true, value };
}

/**
 * What is wrong with `value` as the number to approve `application` with (its format first, then
 * a change's or cancellation's own number), or null. The reviewer's page asks this before sending,
 * the server again on the move: one check, one message.
 */
export function approvalNumberIssue(
  application: Pick<Application, 'kind' | 'recordNumber'>,
  value: string,
): Issue | null {
  const format = checkRecordNumber(value).errors[0];
  if (format) return format;
  const kept = application.kind === 'new' ? null : application.recordNumber;
  if (kept === null || value === kept) return null;
  const message = `${KIND_INFO[application.kind].verb}备案沿用原备案号 ${kept}，请核对后重新填写。`;
  return { path: 'recordNumber', code: 'record_number.base_mismatch', message };
}
