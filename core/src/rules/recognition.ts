/**
 * The typed form against what was read off its certificate photos (docs/domain.md § Certificate
 * recognition): the commonest rejections are 证件信息与照片不一致 and 主办单位名称与证件不一致, so
 * each difference is a warning at the typed field. Warnings, not errors: recognition misreads, and
 * the filer, who holds the certificate, decides.
 *
 * Only readings of the photos still in the form count (`currentRecognitions`).
 */
import { isPersonalSubject } from '../data/enums';
import { compactNumber, normalizeDate } from '../model/normalize';
import { fieldLabel, readPath } from '../model/paths';
import { currentRecognitions, type CertificateFacts, type Recognition } from '../model/recognition';
import { isResidentId } from './ids';
import type { RuleContext } from './findings';
import { businessScopeHints } from './keywords';

const DATE_PATH = /\.valid(From|To)$/;
const NUMBER_PATH = /\.(number|idNumber)$/;

/** Differences recognition cannot see are not differences: spacing, bracket width, letter case. */
function comparable(path: string, value: string): string {
  if (DATE_PATH.test(path)) return normalizeDate(value);
  if (NUMBER_PATH.test(path)) return compactNumber(value);
  return value.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Whether a typed value says what was read for `path`. One definition for the warnings, the form's
 * 识别并填写 (which asks the filer only about real differences) and the reviewer's flags.
 */
export function sameAsRead(path: string, typed: unknown, read: string): boolean {
  return typeof typed === 'string' && comparable(path, typed) === comparable(path, read);
}

function birthOf(number: string): string {
  return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
}

function sexOf(number: string): '男' | '女' {
  return Number(number.charAt(16)) % 2 === 1 ? '男' : '女';
}

/** An ID number that differs from the card: say what differs, the birth date or the sex, when it does. */
function idNumberMismatch(
  ctx: RuleContext,
  path: string,
  typed: string,
  read: string,
  facts: CertificateFacts,
): boolean {
  if (!isResidentId(typed)) return false;
  if (isResidentId(read) && birthOf(typed) !== birthOf(read)) {
    ctx.findings.warn(
      path,
      'recognition.birth_date',
      `证件号码中的出生日期（${birthOf(typed)}）与证件照片上的（${birthOf(read)}）不一致，请按证件核对号码`,
    );
    return true;
  }
  if (facts.sex !== undefined && sexOf(typed) !== facts.sex) {
    ctx.findings.warn(
      path,
      'recognition.sex',
      `证件号码对应的性别为${sexOf(typed)}，证件照片上为${facts.sex}，请按证件核对号码`,
    );
    return true;
  }
  return false;
}

function mismatch(ctx: RuleContext, path: string, read: string, facts: CertificateFacts): void {
  const typed = readPath(ctx.form, path);
  if (typeof typed !== 'string' || typed.trim() === '') return;
  if (sameAsRead(path, typed, read)) return;
  if (path.endsWith('.certificate.number') && idNumberMismatch(ctx, path, compactNumber(typed), read, facts))
    return;
  if (path === 'subject.name' && facts.side === 'licence') {
    ctx.findings.warn(
      path,
      'recognition.subject_name',
      `主办单位名称须与营业执照上的名称完全一致，照片上为“${read}”，请核对`,
    );
    return;
  }
  ctx.findings.warn(
    path,
    'recognition.mismatch',
    `${fieldLabel(path)}与证件照片上的“${read}”不一致，请按证件原样核对`,
  );
}

/** The card itself: a sex that contradicts the number read from the same card. */
function sexOnCard(ctx: RuleContext, recognition: Recognition): void {
  const { facts } = recognition;
  const holder = recognition.field.slice(0, recognition.field.indexOf('.certificate.'));
  const path = `${holder}.certificate.number`;
  const typed = readPath(ctx.form, path);
  if (typeof typed !== 'string' || typed === '' || facts.sex === undefined) return;
  if (facts.number !== undefined && comparable(path, typed) !== comparable(path, facts.number)) return;
  const number = compactNumber(typed);
  if (isResidentId(number) && sexOf(number) !== facts.sex) {
    ctx.findings.warn(
      path,
      'recognition.sex',
      `证件号码对应的性别为${sexOf(number)}，证件照片上为${facts.sex}，请按证件核对号码`,
    );
  }
}

/** A legal representative as principal must be the one the licence names. */
function legalRepresentative(ctx: RuleContext, facts: CertificateFacts): void {
  const { subject } = ctx.form;
  if (facts.legalPerson === undefined || isPersonalSubject(subject.type)) return;
  if (!subject.principal.isLegalRepresentative || subject.principal.name.trim() === '') return;
  const path = 'subject.principal.name';
  if (comparable(path, subject.principal.name) === comparable(path, facts.legalPerson)) return;
  ctx.findings.warn(
    path,
    'recognition.legal_person',
    `主体负责人为法定代表人，但营业执照上的法定代表人是“${facts.legalPerson}”，请核对姓名或改选“不是法定代表人”`,
  );
}

function businessScope(ctx: RuleContext, facts: CertificateFacts): void {
  if (facts.businessScope === undefined) return;
  for (const hint of businessScopeHints(ctx.form, facts.businessScope)) {
    ctx.findings.warn(
      'miniprogram.preApprovals',
      'recognition.business_scope',
      `营业执照经营范围含“${hint.word}”：小程序如涉及该业务须办理${hint.name}前置审批；如不从事，请在小程序备注中写明“不从事${hint.word}业务”，或在小程序其他材料中上传不从事承诺书`,
    );
  }
}

export function checkRecognitions(ctx: RuleContext, recognitions: readonly Recognition[]): void {
  for (const recognition of currentRecognitions(ctx.form, recognitions)) {
    for (const [path, read] of Object.entries(recognition.values))
      mismatch(ctx, path, read, recognition.facts);
    if (recognition.facts.side === 'id_front') sexOnCard(ctx, recognition);
    if (recognition.facts.side === 'licence') {
      legalRepresentative(ctx, recognition.facts);
      businessScope(ctx, recognition.facts);
    }
  }
}
