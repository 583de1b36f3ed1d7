/**
 * Certificate validity (docs/domain.md § Checks across fields and records). The sources disagree, so both are applied:
 * - error when the certificate has expired or ends within 1 month of today (the filing form's own
 *   tip: less than that and the review cannot finish in time);
 * - warning when it ends within 3 months, 6 in 宁夏 (WeChat's materials page and Huawei: reviewers
 *   reject such certificates);
 * and the period must make sense: it has started, and it ends after it starts (or is 长期).
 */
import { provinceRules } from '../data/provinces';
import { fieldLabel } from '../model/paths';
import { LONG_TERM, type PersonCertificate, type SubjectCertificate } from '../model/form';
import { present } from './common';
import { addMonths, isIsoDate } from './dates';
import type { RuleContext } from './findings';

function dateFormat(ctx: RuleContext, path: string, value: string, longTermAllowed: boolean): boolean {
  if (!present(ctx, path, value)) return false;
  if (isIsoDate(value) || (longTermAllowed && value === LONG_TERM)) return true;
  const hint = longTermAllowed ? '，长期有效请选择“长期”' : '';
  ctx.findings.error(
    path,
    'date.invalid',
    `${fieldLabel(path)}不是有效日期，请按“2020-03-01”的格式填写${hint}`,
  );
  return false;
}

/** The end of a certificate's validity, measured from `today`, with the subject's province rules. */
function remaining(ctx: RuleContext, path: string, validTo: string, provinceCode: string): void {
  const today = ctx.today;
  if (today === null || validTo === LONG_TERM) return;
  const label = fieldLabel(path);
  if (validTo < today) {
    ctx.findings.error(path, 'validity.expired', `${label}已过期，请换领新证件后再备案`);
    return;
  }
  if (validTo <= addMonths(today, 1)) {
    ctx.findings.error(
      path,
      'validity.expiring',
      `证件将在1个月内到期（${validTo}），审核期间就会失效，请换领新证件后再备案`,
    );
    return;
  }
  const months = provinceRules(provinceCode)?.validityWarningMonths ?? 3;
  if (validTo <= addMonths(today, months)) {
    const where = months === 6 ? '宁夏要求证件剩余有效期超过6个月' : '证件剩余有效期不足3个月';
    ctx.findings.warn(
      path,
      'validity.expiring_soon',
      `${where}（${validTo}到期），审核时可能被驳回，建议换领新证件后再备案`,
    );
  }
}

interface Period {
  validFrom: string;
  validTo: string;
}

function period(
  ctx: RuleContext,
  prefix: string,
  { validFrom, validTo }: Period,
  provinceCode: string,
  required: boolean,
): void {
  const fromPath = `${prefix}.validFrom`;
  const toPath = `${prefix}.validTo`;
  const fromOk = (required || validFrom !== '') && dateFormat(ctx, fromPath, validFrom, false);
  const toOk = (required || validTo !== '') && dateFormat(ctx, toPath, validTo, true);
  if (fromOk && ctx.today !== null && validFrom > ctx.today) {
    ctx.findings.error(fromPath, 'validity.not_started', `${fieldLabel(fromPath)}晚于今天，请按证件原样填写`);
  }
  if (fromOk && toOk && validTo !== LONG_TERM && validTo <= validFrom) {
    ctx.findings.error(toPath, 'validity.order', `${fieldLabel(toPath)}应晚于起始日期，请核对`);
    return;
  }
  if (toOk) remaining(ctx, toPath, validTo, provinceCode);
}

/** A person's certificate: both dates are required. */
export function checkValidity(
  ctx: RuleContext,
  prefix: string,
  certificate: PersonCertificate,
  provinceCode: string,
): void {
  period(ctx, prefix, certificate, provinceCode, true);
}

/** The subject's licence: its period is optional (not every licence prints one), checked when given. */
export function checkLicenceValidity(
  ctx: RuleContext,
  certificate: SubjectCertificate,
  provinceCode: string,
): void {
  period(ctx, 'subject.certificate', certificate, provinceCode, false);
}
