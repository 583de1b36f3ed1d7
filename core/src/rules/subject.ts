/**
 * 主体信息: the subject's nature, name, region, mailing address and certificate.
 *
 * A personal subject's certificate type, number and photo are the principal's (copied on save by
 * normalizeForm and hidden on the form), so only the printed 住所 is checked here for them.
 */
import { CERTIFICATE_TYPE, isPersonalSubject } from '../data/enums';
import { fieldLabel } from '../model/paths';
import { present, trimmed } from './common';
import type { RuleContext } from './findings';
import { residencePermitNeed } from './needs';
import { leadingProvince, leadingProvinceShortName, leadingRegionName } from './text';
import { isOrganizationCode, isUscc, usccProblem, type UsccProblem } from './uscc';
import { checkLicenceValidity } from './validity';

/** Certificates whose number IS the unified social credit code. */
const USCC_CERTIFICATES = new Set<number>([CERTIFICATE_TYPE.businessLicence, 13, 15, 24]);
/** 组织机构代码证: the 9-character organisation code, or the USCC that replaced it. */
const ORGANIZATION_CODE_CERTIFICATES = new Set([3, 9, 10, 12, 16, 18, 20]);
/** Certificates that print a USCC today, though older ones may carry another registration number. */
const USUALLY_USCC_CERTIFICATES = new Set([4, 6, 17, 19, 21, 25, 28, 36, 43]);

const USCC_MESSAGES: Readonly<Record<UsccProblem, string>> = {
  'uscc.length': '应为18位统一社会信用代码，请按证照原样填写',
  'uscc.format': '只能包含数字和大写字母（不含I、O、S、V、Z），第3至8位为数字，请核对',
  'uscc.checksum': '校验位不正确，可能有字符输错，请逐位核对',
};

function subjectType(ctx: RuleContext): void {
  const { type } = ctx.form.subject;
  if (present(ctx, 'subject.type', type) && !ctx.tables.isSubjectType(type)) {
    ctx.findings.error('subject.type', 'subject.type_unknown', '主办单位性质不在可选范围内，请重新选择');
  }
}

function region(ctx: RuleContext): void {
  const { province, city, district } = ctx.form.subject.region;
  const tables = ctx.tables;
  const provinceOk = present(ctx, 'subject.region.province', province);
  if (provinceOk && !tables.isProvinceCode(province)) {
    ctx.findings.error(
      'subject.region.province',
      'region.unknown',
      '请重新选择省份（只能选择中国大陆的省份）',
    );
    return;
  }
  if (present(ctx, 'subject.region.city', city) && provinceOk) {
    if (!tables.isCityCode(city) || tables.provinceOf(city) !== province) {
      ctx.findings.error(
        'subject.region.city',
        'region.mismatch',
        `请重新选择${tables.regionName(province)}下的城市`,
      );
      return;
    }
  }
  if (present(ctx, 'subject.region.district', district) && tables.isCityCode(city)) {
    if (!tables.isDistrictCode(district) || tables.cityOf(district) !== city) {
      ctx.findings.error(
        'subject.region.district',
        'region.mismatch',
        `请重新选择${tables.cityLabel(city)}下的区县`,
      );
    }
  }
}

function address(ctx: RuleContext): void {
  const path = 'subject.address';
  const { address: value, region: chosen } = ctx.form.subject;
  if (!present(ctx, path, value)) return;
  const text = value.trim();
  const repeated = leadingRegionName(text, [chosen.province, chosen.city, chosen.district], ctx.tables);
  if (repeated !== '') {
    ctx.findings.error(
      path,
      'address.region_prefix',
      `通讯地址不要重复填写已选的省市区（“${repeated}”），请从街道、门牌号开始填写`,
    );
    return;
  }
  const short = leadingProvinceShortName(text, chosen.province);
  if (short !== '') {
    ctx.findings.warn(
      path,
      'address.region_prefix',
      `通讯地址似乎以省份“${short}”开头；已选省市区时请从街道、门牌号开始填写（如“${short}”是路名可忽略）`,
    );
    return;
  }
  const other = leadingProvince(text);
  if (other !== '' && other !== chosen.province) {
    ctx.findings.warn(
      path,
      'address.other_region',
      `通讯地址以“${ctx.tables.regionName(other)}”开头，与所选省份不一致；通讯地址须在所选区县内`,
    );
  }
}

function organizationNumber(ctx: RuleContext, type: number, number: string): void {
  const path = 'subject.certificate.number';
  const label = fieldLabel(path);
  if (USCC_CERTIFICATES.has(type)) {
    const problem = usccProblem(number);
    if (problem) ctx.findings.error(path, problem, `${label}${USCC_MESSAGES[problem]}`);
  } else if (ORGANIZATION_CODE_CERTIFICATES.has(type)) {
    if (!isUscc(number) && !isOrganizationCode(number)) {
      ctx.findings.error(
        path,
        'organization_code.invalid',
        `${label}应为18位统一社会信用代码或9位组织机构代码，请核对`,
      );
    }
  } else if (USUALLY_USCC_CERTIFICATES.has(type) && !isUscc(number)) {
    ctx.findings.warn(
      path,
      'certificate.number_not_uscc',
      `${ctx.tables.certificateTypeName(type)}通常载有统一社会信用代码，当前号码不是有效的统一社会信用代码，请按证书原样核对`,
    );
  }
}

function certificate(ctx: RuleContext): void {
  const { type: subject, certificate: cert } = ctx.form.subject;
  present(ctx, 'subject.certificate.address', cert.address);
  if (isPersonalSubject(subject)) return;
  if (present(ctx, 'subject.certificate.type', cert.type) && ctx.tables.isSubjectType(subject)) {
    const allowed = ctx.tables.certificateTypesFor(subject);
    if (!allowed.some((option) => option.id === cert.type)) {
      ctx.findings.error(
        'subject.certificate.type',
        'certificate.type_not_allowed',
        `${ctx.tables.subjectTypeName(subject)}可用的证件类型为：${allowed.map((option) => option.name).join('、')}，请重新选择`,
      );
    }
  }
  if (present(ctx, 'subject.certificate.number', cert.number) && cert.type !== null) {
    organizationNumber(ctx, cert.type, cert.number);
  }
  checkLicenceValidity(ctx, cert, ctx.form.subject.region.province);
  present(ctx, 'subject.certificate.photo', cert.photo);
}

function residencePermit(ctx: RuleContext): void {
  const path = 'subject.residencePermit';
  if (ctx.form.subject.residencePermit !== '') return;
  const need = residencePermitNeed(ctx.form);
  const proof = '居住证明（居住证、暂住证、社保缴纳证明或房产证明等）';
  if (need.need === 'required') {
    ctx.findings.error(
      path,
      'residence_permit.required',
      `${need.reason}，非本省户籍的个人须上传在备案省份的${proof}`,
    );
  } else if (need.need === 'recommended') {
    ctx.findings.warn(
      path,
      'residence_permit.recommended',
      `${need.reason}，通常需要上传在备案省份的${proof}`,
    );
  }
}

export function checkSubject(ctx: RuleContext): void {
  const { subject } = ctx.form;
  subjectType(ctx);
  if (present(ctx, 'subject.name', subject.name)) trimmed(ctx, 'subject.name', subject.name);
  region(ctx);
  address(ctx);
  certificate(ctx);
  residencePermit(ctx);
}
