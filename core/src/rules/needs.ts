/**
 * Conditions that decide whether a document is needed. The checks and the materials checklist both
 * ask here, so the checklist never lists as required what the checks do not demand, or the reverse.
 */
import { CERTIFICATE_TYPE, SUBJECT_TYPE, isPersonalSubject } from '../data/enums';
import { provinceRules } from '../data/provinces';
import { regionName } from '../data/regions';
import type { FilingForm } from '../model/form';
import { leadingProvince } from './text';
import { isIndividualBusinessUscc } from './uscc';

/** Subject types the strict provinces exempt: 国防机构, 政府机关, 事业单位. */
const LEGAL_REPRESENTATIVE_EXEMPT = new Set<number>([
  SUBJECT_TYPE.military,
  SUBJECT_TYPE.government,
  SUBJECT_TYPE.publicInstitution,
]);

/** A non-personal subject whose principal is not its legal representative. */
export function principalIsDelegate(form: FilingForm): boolean {
  return (
    form.subject.type !== null &&
    !isPersonalSubject(form.subject.type) &&
    !form.subject.principal.isLegalRepresentative
  );
}

/**
 * A non-personal subject whose mini-program principal is not its legal representative: the
 * subject principal's own case when they are the same person, else the mini-program principal's.
 */
export function miniprogramPrincipalIsDelegate(form: FilingForm): boolean {
  const principal = form.miniprogram.principal;
  if (principal.sameAsSubjectPrincipal) return principalIsDelegate(form);
  return (
    form.subject.type !== null && !isPersonalSubject(form.subject.type) && !principal.isLegalRepresentative
  );
}

/**
 * Why this subject's principal must be the legal representative ('' when they need not be):
 * the strict provinces' 通管局 refuse authorised principals, and in 四川 so does a 个体工商户's.
 */
export function legalRepresentativeDemand(form: FilingForm): string {
  const { type, region, certificate } = form.subject;
  if (type === null || isPersonalSubject(type) || LEGAL_REPRESENTATIVE_EXEMPT.has(type)) return '';
  const rules = provinceRules(region.province);
  if (!rules) return '';
  const province = regionName(region.province);
  if (rules.legalRepresentativeOnly) return `${province}通管局要求主体负责人由法定代表人担任`;
  if (rules.individualBusinessLegalRepresentativeOnly && isIndividualBusinessUscc(certificate.number)) {
    return `${province}要求个体工商户的主体负责人由经营者本人担任`;
  }
  return '';
}

export type ResidencePermitNeed = { need: 'none' } | { need: 'required' | 'recommended'; reason: string };

/**
 * A personal filer who is not from the filing province must prove residence there
 * (`personal_info.residence_permit`). The ID card's printed 住所 tells where they are registered;
 * when it names no province, the ID number's region is a weaker hint; a filer with a non-mainland
 * document is usually asked for the proof too.
 */
export function residencePermitNeed(form: FilingForm): ResidencePermitNeed {
  const { type, region, certificate, principal } = form.subject;
  if (!isPersonalSubject(type) || provinceRules(region.province) === undefined) return { need: 'none' };
  const province = regionName(region.province);
  const registered = leadingProvince(certificate.address);
  if (registered !== '') {
    return registered === region.province
      ? { need: 'none' }
      : { need: 'required', reason: `证件住所在${regionName(registered)}，不在备案省份${province}` };
  }
  const document = principal.certificate;
  if (document.type === CERTIFICATE_TYPE.residentId) {
    return /^\d{2}/.test(document.number) && document.number.slice(0, 2) !== region.province.slice(0, 2)
      ? { need: 'recommended', reason: `身份证号码显示户籍可能不在备案省份${province}` }
      : { need: 'none' };
  }
  return document.type === null
    ? { need: 'none' }
    : { need: 'recommended', reason: `使用非居民身份证在${province}备案` };
}
