/**
 * What recognition read off each certificate photo, shown to the reviewer under that photo: when,
 * each value beside the label of the field it fills, and whether the form says otherwise. A
 * reading of a photo the filer has since replaced is left out (the checks ignore it too).
 */
import {
  currentRecognitions,
  fieldLabel,
  readPath,
  sameAsRead,
  type CertificateFacts,
  type FilingForm,
  type Recognition,
} from '@beian/core';
import { beijingDateTime } from '../../utils/time';

export interface RecognizedLine {
  label: string;
  value: string;
  /** The form holds something else here (the check's warning says the same). */
  differs: boolean;
}

export interface RecognitionView {
  at: string;
  lines: RecognizedLine[];
}

const FACT_LABELS: ReadonlyArray<[keyof CertificateFacts, string]> = [
  ['sex', '性别'],
  ['nationality', '民族'],
  ['address', '住址'],
  ['registeredDate', '成立日期'],
  ['businessScope', '经营范围'],
];

function viewOf(form: FilingForm, recognition: Recognition): RecognitionView {
  const lines: RecognizedLine[] = Object.entries(recognition.values).map(([path, value]) => {
    const typed = readPath(form, path);
    return { label: fieldLabel(path), value, differs: typed !== '' && !sameAsRead(path, typed, value) };
  });
  const mapped = new Set(Object.values(recognition.values));
  for (const [key, label] of FACT_LABELS) {
    const value = recognition.facts[key];
    if (typeof value === 'string' && value !== '' && !mapped.has(value))
      lines.push({ label, value, differs: false });
  }
  return { at: beijingDateTime(recognition.at), lines };
}

/** By photo path: the rows of the review page look their photo up here. */
export function recognitionViews(
  form: FilingForm,
  recognitions: readonly Recognition[],
): Record<string, RecognitionView> {
  const views: Record<string, RecognitionView> = {};
  for (const recognition of currentRecognitions(form, recognitions))
    views[recognition.field] = viewOf(form, recognition);
  return views;
}
