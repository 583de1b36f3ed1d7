/**
 * Rules that compare fields (docs/domain.md § Checks across fields and records). Those that need other applications — a phone
 * already used by another subject (4), one province per subject across platforms (11), quotas (14),
 * one open order at a time (15) — cannot be decided from one form; ./records.ts gives the server
 * the keys to decide them on its own records.
 *
 * Codes: `mobile.same_as_emergency` (2, in ./principal.ts), `mobile.shared_between_principals` (1, 3),
 * `email.shared_between_principals` (3), `principal.same_person_not_marked`, `personal.name_mismatch`
 * and `personal.miniprogram_principal_differs` (5), `principal.must_be_legal_representative`,
 * `legal_person.*`, `required` on the authorization letter (6), `certificate.type_not_individual` (7,
 * in ./principal.ts), `certificate.type_not_allowed` (8, in ./subject.ts), `pre_approval.*` (9) and
 * `service_types.*` (10, in ./miniprogram.ts), `validity.*` (12, in ./validity.ts),
 * `residence_permit.*` (13, in ./subject.ts).
 */
import { isPersonalSubject } from '../data/enums';
import { fieldLabel } from '../model/paths';
import { present } from './common';
import type { RuleContext } from './findings';
import { gb11643Problem, isLooseDocumentNumber } from './ids';
import { legalRepresentativeDemand, miniprogramPrincipalIsDelegate, principalIsDelegate } from './needs';
import { personName } from './principal';

/** Whether the two principals are one person: marked so, or carrying the same document number. */
function samePerson(ctx: RuleContext): boolean {
  const subject = ctx.form.subject.principal;
  const mp = ctx.form.miniprogram.principal;
  if (mp.sameAsSubjectPrincipal) return true;
  const number = mp.certificate.number;
  if (number === '' || number !== subject.certificate.number) return false;
  ctx.findings.warn(
    'miniprogram.principal.sameAsSubjectPrincipal',
    'principal.same_person_not_marked',
    '小程序负责人与主体负责人证件号码相同，是同一人时请选择“与主体负责人相同”',
  );
  return true;
}

function principalsContacts(ctx: RuleContext): void {
  if (samePerson(ctx)) return;
  const subject = ctx.form.subject.principal;
  const mp = ctx.form.miniprogram.principal;
  if (mp.mobile !== '' && mp.mobile === subject.mobile) {
    ctx.findings.error(
      'miniprogram.principal.mobile',
      'mobile.shared_between_principals',
      '小程序负责人与主体负责人不是同一人，手机号码不能相同，请填写小程序负责人本人的手机号码',
    );
  }
  if (mp.email !== '' && mp.email.trim().toLowerCase() === subject.email.trim().toLowerCase()) {
    ctx.findings.error(
      'miniprogram.principal.email',
      'email.shared_between_principals',
      '小程序负责人与主体负责人不是同一人，电子邮箱不能相同，请填写小程序负责人本人的邮箱',
    );
  }
}

function personal(ctx: RuleContext): void {
  const { subject, miniprogram } = ctx.form;
  if (!isPersonalSubject(subject.type)) return;
  const name = subject.name.trim();
  const principal = subject.principal.name.trim();
  if (name !== '' && principal !== '' && name !== principal) {
    ctx.findings.error(
      'subject.name',
      'personal.name_mismatch',
      `个人备案的主办单位名称须与主体负责人姓名（“${principal}”）一致，请按身份证姓名填写`,
    );
  }
  if (!miniprogram.principal.sameAsSubjectPrincipal) {
    ctx.findings.warn(
      'miniprogram.principal.sameAsSubjectPrincipal',
      'personal.miniprogram_principal_differs',
      '个人主体的小程序负责人通常就是本人，请确认是否选择“与主体负责人相同”',
    );
  }
}

function legalPersonId(ctx: RuleContext, number: string): void {
  const path = 'subject.legalPerson.idNumber';
  if (/^\d{15}$|^\d{17}[\dX]$/.test(number)) {
    const problem = gb11643Problem(number, 'resident', ctx.today ?? undefined);
    if (problem) ctx.findings.error(path, problem, `${fieldLabel(path)}不是有效的身份证号码，请核对`);
  } else if (!isLooseDocumentNumber(number)) {
    ctx.findings.error(
      path,
      'document_number.invalid',
      `${fieldLabel(path)}只能包含字母和数字，请按证件原样填写`,
    );
  }
  if (number === ctx.form.subject.principal.certificate.number) {
    ctx.findings.error(
      path,
      'legal_person.same_as_principal',
      '法定代表人与主体负责人是同一人，请在“主体负责人是否为法定代表人”中选择“是”',
    );
  }
}

function legalRepresentative(ctx: RuleContext): void {
  if (!principalIsDelegate(ctx.form)) return;
  const demand = legalRepresentativeDemand(ctx.form);
  if (demand !== '') {
    ctx.findings.error(
      'subject.principal.isLegalRepresentative',
      'principal.must_be_legal_representative',
      `${demand}，请由法定代表人作为主体负责人填写`,
    );
  }
  const { legalPerson, principal } = ctx.form.subject;
  personName(ctx, 'subject.legalPerson.name', legalPerson.name);
  if (present(ctx, 'subject.legalPerson.idNumber', legalPerson.idNumber))
    legalPersonId(ctx, legalPerson.idNumber);
  present(ctx, 'subject.principal.authorizationLetter', principal.authorizationLetter);
}

/** Another person than the subject principal, and not the legal representative: their letter. */
function miniprogramLetter(ctx: RuleContext): void {
  const principal = ctx.form.miniprogram.principal;
  if (principal.sameAsSubjectPrincipal || !miniprogramPrincipalIsDelegate(ctx.form)) return;
  present(ctx, 'miniprogram.principal.authorizationLetter', principal.authorizationLetter);
}

export function checkCrossField(ctx: RuleContext): void {
  legalRepresentative(ctx);
  miniprogramLetter(ctx);
  principalsContacts(ctx);
  personal(ctx);
}
