/**
 * A principal (负责人) as `apply_icp_filing` takes it, for the subject and for the mini-program
 * alike: contact details, an individual's certificate (subject type 5's certificate types only)
 * with its validity, and both sides of the certificate photo, uploaded with that certificate type.
 */
import { isEmail, isMobile } from '@beian/core';
import { certificateSubjectType, PERSONAL_SUBJECT } from '../enums';
import type { Check, Json } from './check';

export function checkPrincipal(check: Check, parent: Json, path: string): Json | null {
  const principal = check.object(parent, 'principal_info', path);
  if (!principal) return null;
  const field = (key: string): string => `${path}.${key}`;
  check.text(principal, 'name', field('name'));
  const mobile = check.text(principal, 'mobile', field('mobile'));
  if (mobile && !isMobile(mobile)) check.fail(field('mobile'), '手机号码格式不正确，应为 11 位大陆手机号');
  const email = check.text(principal, 'email', field('email'));
  if (email && !isEmail(email)) check.fail(field('email'), '电子邮箱格式不正确');
  const emergency = check.text(principal, 'emergency_contact', field('emergency_contact'));
  if (emergency && !isMobile(emergency)) {
    check.fail(field('emergency_contact'), '应急联系电话格式不正确，应为 11 位大陆手机号');
  }
  if (emergency && emergency === mobile)
    check.fail(field('emergency_contact'), '应急联系电话不能与手机号码相同');
  const certificateType = individualCertificateType(check, principal, field('certificate_type'));
  check.text(principal, 'certificate_number', field('certificate_number'));
  checkValidity(check, principal, path);
  check.media(principal, 'certificate_photo_front', field('certificate_photo_front'), true, certificateType);
  check.media(principal, 'certificate_photo_back', field('certificate_photo_back'), true, certificateType);
  check.media(principal, 'authorization_letter', field('authorization_letter'), false);
  return principal;
}

/** A principal is a person: only the certificate types of subject type 5 (个人). */
function individualCertificateType(check: Check, principal: Json, field: string): number | null {
  const type = check.integer(principal, 'certificate_type', field);
  if (type === null) return null;
  const subjectType = certificateSubjectType(type);
  if (subjectType === undefined) {
    check.fail(field, `证件类型 ${type} 不在 query_icp_certificate_types 的列表中`);
    return null;
  }
  if (subjectType !== PERSONAL_SUBJECT) {
    check.fail(field, '负责人的证件类型应为个人证件（如居民身份证）');
    return null;
  }
  return type;
}

function checkValidity(check: Check, principal: Json, path: string): void {
  const startField = `${path}.certificate_validity_date_start`;
  const endField = `${path}.certificate_validity_date_end`;
  const start = check.date(principal, 'certificate_validity_date_start', startField, false);
  const end = check.date(principal, 'certificate_validity_date_end', endField, true);
  if (start && end && end !== '长期' && end <= start) {
    check.fail(endField, '证件有效期的结束日期应晚于开始日期');
  }
}
