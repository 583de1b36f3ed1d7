/**
 * What the form page shows that follows from an answer alone: the save indicator's text, a
 * reviewer's reason as one line, the summary's material rows, and the values a change implies.
 */
import type { CheckReport, FilingForm, Reason } from '@beian/core';
import type { MaterialRow } from '../../components/summary-section/index';
import type { SaveState } from '../../services/drafts';
import { currentLookup } from '../../services/tables';

/** The save indicator. `pending` changes nothing: a keystroke must not cost a setData of its own. */
export const SAVE_TEXT: Readonly<Record<Exclude<SaveState, 'pending'>, string>> = {
  saved: '已自动保存',
  saving: '正在保存…',
  conflict: '未保存：草稿已在其他设备上修改',
  failed: '保存失败，下次修改或离开时会再试',
};

export function reasonText(reason: Reason): string {
  return reason.suggest ? `${reason.error}（建议：${reason.suggest}）` : reason.error;
}

export function materialRows(report: CheckReport): MaterialRow[] {
  return report.materials.map((item) => ({
    path: item.path,
    key: item.path.startsWith('materials.') ? item.path.slice('materials.'.length) : '',
    // Photos and scans are uploaded here; the promise video is recorded where the province asks.
    uploadable: item.path.startsWith('materials.') && item.path !== 'materials.promiseVideo',
    label: item.label,
    required: item.required,
    reason: item.reason,
    max: item.max,
    provided: item.provided,
  }));
}

/**
 * Values that follow from a change, so the form never shows a contradiction the filer did not
 * make: a certificate type that the new subject type does not allow is cleared.
 */
export function followUps(form: FilingForm, path: string, value: unknown): [string, unknown][] {
  if (path !== 'subject.type') return [];
  const allowed = currentLookup()
    .certificateTypesFor(value)
    .map((type) => type.id);
  const current = form.subject.certificate.type;
  return current !== null && !allowed.includes(current) ? [['subject.certificate.type', null]] : [];
}
