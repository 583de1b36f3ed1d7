/**
 * Keys for the rules one form cannot decide (docs/domain.md § Checks across fields and records): the server
 * compares them across its own records.
 */
import { isPersonalSubject } from '../data/enums';
import type { FilingForm } from '../model/form';
import { isIndividualBusinessUscc } from './uscc';

/**
 * Who the subject is, across applications: its certificate type and number (a person's document
 * for a personal subject). '' while either is missing.
 */
export function subjectKey(form: FilingForm): string {
  const certificate = isPersonalSubject(form.subject.type)
    ? form.subject.principal.certificate
    : form.subject.certificate;
  const number = certificate.number.trim().toUpperCase();
  return certificate.type === null || number === '' ? '' : `${certificate.type}:${number}`;
}

/** The principals' own mobiles (not emergency contacts), each once: a phone another subject used is refused. */
export function principalMobiles(form: FilingForm): string[] {
  const mobiles = [form.subject.principal.mobile];
  if (!form.miniprogram.principal.sameAsSubjectPrincipal) mobiles.push(form.miniprogram.principal.mobile);
  return mobiles.filter((value, index) => value !== '' && mobiles.indexOf(value) === index);
}

/** Mini-programs a person or a 个体工商户 may file; organisations may file ORGANISATION_QUOTA. */
export const PERSON_QUOTA = 5;
export const ORGANISATION_QUOTA = 50;

/** How many mini-programs the subject may file: 5 for a person or a 个体工商户, 50 for organisations. */
export function miniprogramQuota(form: FilingForm): number {
  const { type, certificate } = form.subject;
  return isPersonalSubject(type) || isIndividualBusinessUscc(certificate.number)
    ? PERSON_QUOTA
    : ORGANISATION_QUOTA;
}
