/**
 * Certificate recognition (OCR): what was read from a certificate photo, and where it goes in the
 * form (docs/domain.md § Certificate recognition). Three photos can be read:
 * - an ID card's portrait side (`photoFront` of a principal): name, number, address;
 * - its national-emblem side (`photoBack`): the validity period;
 * - the subject's business licence (`subject.certificate.photo`): name, credit code, address, legal
 *   representative, validity and business scope.
 *
 * The server reads the photo and stores a Recognition beside the application; the checks compare
 * the typed form with it, for as long as the photo it was read from is still the one in the form.
 */
import { CERTIFICATE_TYPE, isPersonalSubject } from '../data/enums';
import type { FileId, FilingForm } from './form';
import { readPath } from './paths';

export type CertificateSide = 'id_front' | 'id_back' | 'licence';

/** Everything read off one photo, in the form's words (dates `YYYY-MM-DD` or 长期). */
export interface CertificateFacts {
  side: CertificateSide;
  name?: string;
  /** The ID number, or the licence's 统一社会信用代码. */
  number?: string;
  address?: string;
  /** ID front. */
  sex?: '男' | '女';
  nationality?: string;
  /** ID back, and the licence's 营业期限. */
  validFrom?: string;
  validTo?: string;
  /** Licence only. */
  legalPerson?: string;
  businessScope?: string;
  registeredDate?: string;
  organizationType?: string;
}

/** Form path → the text read for it. */
export type RecognizedValues = Record<string, string>;

/** One reading of one photo, kept with the application. */
export interface Recognition {
  /** The form path of the photo, e.g. `subject.principal.certificate.photoFront`. */
  field: string;
  /** The photo that was read: once the form holds another, this reading no longer applies. */
  fileId: FileId;
  at: string;
  values: RecognizedValues;
  facts: CertificateFacts;
}

/** A photo that can be read, and whose fields it fills. */
export interface RecognitionTarget {
  side: CertificateSide;
  /** `subject` for the licence, or the principal (`subject.principal`, `miniprogram.principal`). */
  holder: 'subject' | 'subject.principal' | 'miniprogram.principal';
}

const TARGETS: Readonly<Record<string, RecognitionTarget>> = {
  'subject.certificate.photo': { side: 'licence', holder: 'subject' },
  'subject.principal.certificate.photoFront': { side: 'id_front', holder: 'subject.principal' },
  'subject.principal.certificate.photoBack': { side: 'id_back', holder: 'subject.principal' },
  'miniprogram.principal.certificate.photoFront': { side: 'id_front', holder: 'miniprogram.principal' },
  'miniprogram.principal.certificate.photoBack': { side: 'id_back', holder: 'miniprogram.principal' },
};

/** The certificate photo at `path`, or null when that path is not one that can be read. */
export function recognitionTarget(path: string): RecognitionTarget | null {
  return Object.prototype.hasOwnProperty.call(TARGETS, path) ? (TARGETS[path] ?? null) : null;
}

/** Every path whose photo can be read. */
export const RECOGNIZABLE_PATHS: readonly string[] = Object.keys(TARGETS);

/**
 * Why this photo cannot be read for this form, or null when it can: only a resident ID card and a
 * non-personal subject's licence are printed in a layout recognition knows.
 */
export function recognitionRefusal(target: RecognitionTarget, form: FilingForm): string | null {
  if (target.side === 'licence') {
    if (isPersonalSubject(form.subject.type)) return '个人主体的证件是身份证，请在主体负责人一步识别身份证';
    const type = form.subject.certificate.type;
    return type !== null && type !== CERTIFICATE_TYPE.businessLicence
      ? '证件识别只支持营业执照，请手动填写'
      : null;
  }
  if (target.holder === 'miniprogram.principal' && form.miniprogram.principal.sameAsSubjectPrincipal) {
    return '小程序负责人与主体负责人为同一人，请在主体负责人一步识别身份证';
  }
  const type = readPath(form, `${target.holder}.certificate.type`);
  if (type !== null && type !== CERTIFICATE_TYPE.residentId) return '证件识别只支持居民身份证，请手动填写';
  return null;
}

function put(values: RecognizedValues, path: string, value: string | undefined): void {
  if (value !== undefined && value !== '') values[path] = value;
}

/**
 * The form paths the reading fills. A personal subject is its principal: the portrait side also
 * gives the subject's name and certificate address.
 */
export function recognizedValues(
  target: RecognitionTarget,
  facts: CertificateFacts,
  form: FilingForm,
): RecognizedValues {
  const values: RecognizedValues = {};
  const prefix = target.holder;
  if (target.side === 'id_front') {
    put(values, `${prefix}.name`, facts.name);
    put(values, `${prefix}.certificate.number`, facts.number);
    if (prefix === 'subject.principal' && isPersonalSubject(form.subject.type)) {
      put(values, 'subject.name', facts.name);
      put(values, 'subject.certificate.address', facts.address);
    }
  } else if (target.side === 'id_back') {
    put(values, `${prefix}.certificate.validFrom`, facts.validFrom);
    put(values, `${prefix}.certificate.validTo`, facts.validTo);
  } else {
    put(values, 'subject.name', facts.name);
    put(values, 'subject.certificate.number', facts.number);
    put(values, 'subject.certificate.address', facts.address);
    put(values, 'subject.legalPerson.name', facts.legalPerson);
    put(values, 'subject.certificate.validFrom', facts.validFrom);
    put(values, 'subject.certificate.validTo', facts.validTo);
  }
  return values;
}

/** The readings that still apply: the latest of each photo path that holds the photo it was read from. */
export function currentRecognitions(form: FilingForm, recognitions: readonly Recognition[]): Recognition[] {
  const latest = new Map<string, Recognition>();
  for (const recognition of recognitions) {
    const seen = latest.get(recognition.field);
    if (!seen || seen.at <= recognition.at) latest.set(recognition.field, recognition);
  }
  return [...latest.values()].filter(
    (recognition) => recognition.fileId !== '' && readPath(form, recognition.field) === recognition.fileId,
  );
}
