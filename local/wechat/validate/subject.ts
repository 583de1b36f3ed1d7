/**
 * `icp_subject` of `apply_icp_filing`: the subject's type and name, its region as WeChat's district
 * codes (strings, each under the one before), its certificate (a type belonging to the subject
 * type, with a photo unless the subject is a person), the principal, and the legal person.
 */
import { certificateSubjectType, districtOf, isSubjectType, PERSONAL_SUBJECT } from '../enums';
import type { Check, Json } from './check';
import { checkPrincipal } from './principal';

const PATH = 'icp_subject';

export function checkSubject(check: Check, body: Json): void {
  const subject = check.object(body, 'icp_subject', PATH);
  if (!subject) return;
  const subjectType = checkBaseInfo(check, subject);
  checkOrganizeInfo(check, subject, subjectType);
  const personal = check.object(subject, 'personal_info', `${PATH}.personal_info`, false);
  if (personal) check.media(personal, 'residence_permit', `${PATH}.personal_info.residence_permit`, false);
  checkPrincipal(check, subject, `${PATH}.principal_info`);
  const legal = check.object(subject, 'legal_person_info', `${PATH}.legal_person_info`, false);
  if (legal) {
    check.text(legal, 'name', `${PATH}.legal_person_info.name`);
    check.text(legal, 'certificate_number', `${PATH}.legal_person_info.certificate_number`);
  }
}

/** The subject type when it is one of WeChat's, else null. */
function checkBaseInfo(check: Check, subject: Json): number | null {
  const path = `${PATH}.base_info`;
  const base = check.object(subject, 'base_info', path);
  if (!base) return null;
  const type = check.integer(base, 'type', `${path}.type`);
  const known = type !== null && isSubjectType(type);
  if (type !== null && !known)
    check.fail(`${path}.type`, `主体性质 ${type} 不在 query_icp_subject_types 的列表中`);
  check.text(base, 'name', `${path}.name`);
  checkRegion(check, base, path);
  check.text(base, 'address', `${path}.address`);
  check.text(base, 'comment', `${path}.comment`, false);
  return known ? type : null;
}

/** 省 → 市 → 区, each a code of WeChat's tree at its level and under the one before. */
function checkRegion(check: Check, base: Json, path: string): void {
  const levels = [
    { key: 'province', level: 1, label: '省份' },
    { key: 'city', level: 2, label: '城市' },
    { key: 'district', level: 3, label: '区县' },
  ] as const;
  let parent = '';
  for (const { key, level, label } of levels) {
    const field = `${path}.${key}`;
    if (typeof base[key] === 'number') {
      check.fail(field, `${label}代码应为字符串，例如 "110105"`);
      return;
    }
    const code = check.text(base, key, field);
    if (code === '') return;
    const entry = districtOf(code);
    if (!entry || entry.type !== level) {
      check.fail(field, `${label}代码 ${code} 不在 query_icp_district_code 的列表中`);
      return;
    }
    if (entry.parent !== parent) {
      check.fail(field, `${label}代码 ${code} 不属于所填的上一级行政区划 ${parent}`);
      return;
    }
    parent = code;
  }
}

function checkOrganizeInfo(check: Check, subject: Json, subjectType: number | null): void {
  const path = `${PATH}.organize_info`;
  const organize = check.object(subject, 'organize_info', path);
  if (!organize) return;
  const type = check.integer(organize, 'certificate_type', `${path}.certificate_type`);
  let certificateType: number | null = null;
  if (type !== null) {
    const belongsTo = certificateSubjectType(type);
    if (belongsTo === undefined) {
      check.fail(`${path}.certificate_type`, `证件类型 ${type} 不在 query_icp_certificate_types 的列表中`);
    } else if (subjectType !== null && belongsTo !== subjectType) {
      check.fail(`${path}.certificate_type`, `证件类型 ${type} 不属于主体性质 ${subjectType}`);
    } else {
      certificateType = type;
    }
  }
  check.text(organize, 'certificate_number', `${path}.certificate_number`);
  check.text(organize, 'certificate_address', `${path}.certificate_address`);
  // A person's certificate photos are the principal's; any other subject shows its own.
  const photoRequired = subjectType !== PERSONAL_SUBJECT;
  check.media(organize, 'certificate_photo', `${path}.certificate_photo`, photoRequired, certificateType);
}
