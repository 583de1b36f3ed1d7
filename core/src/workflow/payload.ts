/**
 * The payloads reviewers type: rejection reasons and the record number. Both are checked here,
 * whoever sends them (admin page, cloud console JSON), and stored trimmed.
 */
import type { Application, Reason } from '../model/application';
import type { Failure, Issue } from '../result';
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

const recordNumberIssue = (message: string): Failure => ({
  code: 'VALIDATION',
  message,
  fields: [{ path: 'recordNumber', code: 'record_number.base_mismatch', message }],
});

/**
 * The number issued on approval, in the rules' format (`粤ICP备12345678号-1X`, or a licence
 * prefix `粤B2-20090059-1626X`). A change or cancellation keeps the number of the record it
 * started from, so there the reviewer's number must be that one: a typo would otherwise silently
 * renumber the record, or cancel another one.
 */
export function checkApprovalNumber(application: Application, recordNumber: unknown): Checked<string> {
  const value = text(recordNumber);
  const { errors } = checkRecordNumber(value);
  if (errors.length > 0) {
    return {
      ok: false,
      error: { code: 'VALIDATION', message: errors[0]?.message ?? '备案号格式不正确。', fields: errors },
    };
  }
  if (application.kind !== 'new' && application.recordNumber !== null && value !== application.recordNumber) {
    const action = application.kind === 'change' ? '变更' : '注销';
    return {
      ok: false,
      error: recordNumberIssue(`${action}备案沿用原备案号 ${application.recordNumber}，请核对后重新填写。`),
    };
  }
  return { ok: true, value };
}
