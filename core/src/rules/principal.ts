/**
 * The two persons in charge (主体负责人, 小程序负责人): who they are, how to reach them, their
 * identity document, and — for the mini-program principal — the face verification.
 *
 * When the mini-program principal is the subject principal (`sameAsSubjectPrincipal`), their person
 * fields are copies made on save (normalizeForm) and hidden on the form, so only the face
 * verification is checked here; the person was checked as subject principal.
 */
import { CERTIFICATE_TYPE } from '../data/enums';
import { fieldLabel } from '../model/paths';
import type { MiniprogramPrincipal, Principal } from '../model/form';
import { email, mobile, personNumber, present, trimmed } from './common';
import type { RuleContext } from './findings';
import { checkValidity } from './validity';

/** Chinese names, names in Latin letters, and the separators ID cards and passports print. */
const PERSON_NAME = /^[\u3400-\u9fff\uf900-\ufaffA-Za-z·•.'\- ]+$/;

export function personName(ctx: RuleContext, path: string, value: string): void {
  if (!present(ctx, path, value)) return;
  trimmed(ctx, path, value);
  if (!PERSON_NAME.test(value.trim())) {
    ctx.findings.error(
      path,
      'name.invalid',
      `${fieldLabel(path)}只能包含汉字、字母和间隔号“·”，请按证件原样填写`,
    );
  }
}

function contacts(ctx: RuleContext, prefix: string, person: Principal): void {
  const emergencyPath = `${prefix}.emergencyContact`;
  const ownOk = mobile(ctx, `${prefix}.mobile`, person.mobile);
  email(ctx, `${prefix}.email`, person.email);
  if (!mobile(ctx, emergencyPath, person.emergencyContact)) return;
  if (ownOk && person.emergencyContact === person.mobile) {
    ctx.findings.error(
      emergencyPath,
      'mobile.same_as_emergency',
      '应急联系方式不能与本人手机号码相同，请填写另一位可联系到负责人的手机号码',
    );
  }
}

function certificate(ctx: RuleContext, prefix: string, person: Principal): void {
  const cert = person.certificate;
  const typePath = `${prefix}.certificate.type`;
  if (present(ctx, typePath, cert.type) && !ctx.tables.isIndividualCertificateType(cert.type)) {
    ctx.findings.error(
      typePath,
      'certificate.type_not_individual',
      `${fieldLabel(typePath)}只能选择个人证件（居民身份证、护照、港澳台通行证或居住证、外国人永久居留身份证）`,
    );
  }
  personNumber(ctx, `${prefix}.certificate.number`, cert);
  checkValidity(ctx, `${prefix}.certificate`, cert, ctx.form.subject.region.province);
  present(ctx, `${prefix}.certificate.photoFront`, cert.photoFront);
  // A passport has a single data page; every card-type document has two sides.
  if (cert.type !== CERTIFICATE_TYPE.passport)
    present(ctx, `${prefix}.certificate.photoBack`, cert.photoBack);
}

/** Everything about one person that does not depend on anyone else. */
export function checkPerson(ctx: RuleContext, prefix: string, person: Principal): void {
  personName(ctx, `${prefix}.name`, person.name);
  contacts(ctx, prefix, person);
  certificate(ctx, prefix, person);
}

export function checkFaceVerification(ctx: RuleContext, principal: MiniprogramPrincipal): void {
  const face = principal.faceVerification;
  const prefix = 'miniprogram.principal.faceVerification';
  if (face.method === 'wechat') {
    if (face.verifyId === '') {
      ctx.findings.error(
        `${prefix}.verifyId`,
        'face.not_verified',
        '请先完成小程序负责人的微信人脸核身（白色背景、不戴帽子口罩耳机、正对镜头）',
      );
    }
    return;
  }
  present(ctx, `${prefix}.photo`, face.photo);
}

export function checkSubjectPrincipal(ctx: RuleContext): void {
  checkPerson(ctx, 'subject.principal', ctx.form.subject.principal);
}

export function checkMiniprogramPrincipal(ctx: RuleContext): void {
  const principal = ctx.form.miniprogram.principal;
  if (!principal.sameAsSubjectPrincipal) checkPerson(ctx, 'miniprogram.principal', principal);
  // Through WeChat, Beian creates WeChat's own face-verification task after the pre-review.
  if (ctx.channel === 'manual') checkFaceVerification(ctx, principal);
}
