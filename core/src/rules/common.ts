/**
 * Small rules every section uses: presence, surrounding spaces, contact formats, person document
 * numbers. Messages start with the field's Chinese name, so they read well in a list as well as
 * under the field.
 */
import { CERTIFICATE_TYPE } from '../data/enums';
import { fieldLabel, fieldSpec } from '../model/paths';
import type { PersonCertificate } from '../model/form';
import { isEmail, isMobile } from './contacts';
import type { RuleContext } from './findings';
import {
  gb11643Problem,
  isForeignPermanentResidentId,
  isHkMacauPermit,
  isLooseDocumentNumber,
  type Gb11643Document,
  type IdNumberProblem,
} from './ids';
import { isTrimmed } from './text';

/** Reports an empty value ('', null, []) as `required`; true when something is there. */
export function present(ctx: RuleContext, path: string, value: unknown): boolean {
  const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
  if (!empty) return true;
  const kind = fieldSpec(path)?.kind;
  const verb =
    kind === 'enum' || kind === 'numbers'
      ? '请选择'
      : kind === 'file' || kind === 'files'
        ? '请上传'
        : '请填写';
  ctx.findings.error(path, 'required', `${verb}${fieldLabel(path)}`);
  return false;
}

/** Names are compared with certificates character by character: no surrounding spaces. */
export function trimmed(ctx: RuleContext, path: string, value: string): void {
  if (!isTrimmed(value)) {
    ctx.findings.error(path, 'text.untrimmed', `${fieldLabel(path)}前后不能有空格，请删除多余的空格`);
  }
}

export function mobile(ctx: RuleContext, path: string, value: string): boolean {
  if (!present(ctx, path, value)) return false;
  if (isMobile(value)) return true;
  ctx.findings.error(path, 'mobile.invalid', `${fieldLabel(path)}应为11位中国大陆手机号码（1开头），请核对`);
  return false;
}

export function email(ctx: RuleContext, path: string, value: string): void {
  if (present(ctx, path, value) && !isEmail(value)) {
    ctx.findings.error(
      path,
      'email.invalid',
      `${fieldLabel(path)}格式不正确，请填写常用邮箱，如 name@example.com`,
    );
  }
}

const ID_MESSAGES: Readonly<Record<IdNumberProblem, string>> = {
  'id.legacy_15': '是15位旧号码，旧号码已停止使用，请填写18位证件号码',
  'id.length': '应为18位，请核对',
  'id.format': '应为17位数字加1位数字或字母X，请核对',
  'id.region': '前6位地址码不正确，请核对',
  'id.birth_date': '第7至14位出生日期不是有效日期，请核对',
  'id.birth_future': '中的出生日期晚于今天，请核对',
  'id.checksum': '校验位不正确，可能有数字输错，请逐位核对',
};

const REGION_HINTS: Readonly<Record<Gb11643Document, string>> = {
  resident: '前两位不是有效的省份代码，请核对',
  hkMacauResidence: '应以810000（香港）或820000（澳门）开头，请核对',
  taiwanResidence: '应以830000开头，请核对',
  foreignPermanent: '新版号码以9开头，请核对',
};

const GB11643_DOCUMENTS: ReadonlyMap<number, Gb11643Document> = new Map([
  [CERTIFICATE_TYPE.residentId, 'resident'],
  [CERTIFICATE_TYPE.hkMacauResidencePermit, 'hkMacauResidence'],
  [CERTIFICATE_TYPE.taiwanResidencePermit, 'taiwanResidence'],
]);

function gb11643(ctx: RuleContext, path: string, number: string, document: Gb11643Document): void {
  const problem = gb11643Problem(number, document, ctx.today ?? undefined);
  if (problem === null) return;
  const detail = problem === 'id.region' ? REGION_HINTS[document] : ID_MESSAGES[problem];
  ctx.findings.error(path, problem, `${fieldLabel(path)}${detail}`);
}

/** The number of a person's document, by its type (individual types only; others are not judged). */
export function personNumber(ctx: RuleContext, path: string, certificate: PersonCertificate): boolean {
  const { type, number } = certificate;
  if (!present(ctx, path, number)) return false;
  const label = fieldLabel(path);
  const document = type === null ? undefined : GB11643_DOCUMENTS.get(type);
  if (document) gb11643(ctx, path, number, document);
  else if (type === CERTIFICATE_TYPE.foreignPermanentResidentId) {
    if (!isForeignPermanentResidentId(number, ctx.today ?? undefined)) {
      ctx.findings.error(
        path,
        'foreign_permanent_id.invalid',
        `${label}不正确：新版为以9开头的18位号码（末位校验码），旧版为3位字母加12位数字，请核对`,
      );
    }
  } else if (type === CERTIFICATE_TYPE.hkMacauPermit) {
    if (!isHkMacauPermit(number)) {
      ctx.findings.error(
        path,
        'hk_macau_permit.invalid',
        `${label}应为H（香港）或M（澳门）加8位数字，可带2位换证次数，请核对`,
      );
    }
  } else if (type === CERTIFICATE_TYPE.passport || type === CERTIFICATE_TYPE.taiwanPermit) {
    if (!isLooseDocumentNumber(number)) {
      ctx.findings.error(path, 'document_number.invalid', `${label}只能包含字母和数字，请按证件原样填写`);
    }
  }
  return true;
}
