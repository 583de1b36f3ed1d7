/**
 * What the server applies to a form on every save (and the client may apply before checking), so
 * what is stored and sent is what a reviewer expects to read. Pure and idempotent:
 * `normalizeForm(normalizeForm(f))` equals `normalizeForm(f)`, and the input is never mutated.
 *
 * The rules, each for a rejection or a mismatch it prevents:
 * 1. Text fields lose surrounding spaces (full-width too): a pasted `张三 ` would not match the ID.
 * 2. Identifiers are compacted: mobiles lose spaces, dashes and a leading +86/0086; certificate
 *    numbers and the legal person's ID lose spaces and get upper-case letters (`…002x` → `…002X`);
 *    the AppID loses spaces and is lower-case, as WeChat issues it.
 * 3. Dates written `2020/3/1`, `2020.03.01`, `20200301` or `2020年3月1日` become `2020-03-01`, and
 *    `长期有效` becomes `长期`.
 * 4. Duplicate service types are dropped (the first keeps its place).
 * 5. `miniprogram.principal.sameAsSubjectPrincipal`: the mini-program principal's name, mobile,
 *    email, emergency contact and certificate are copied from the subject principal; the face
 *    verification is the mini-program principal's own and is kept.
 * 6. A personal subject (个人): the subject's certificate type, number and photo are the
 *    principal's (`organize_info` duplicates the principal in a personal filing), only the printed
 *    住所 stays the filer's entry; the person is their own legal representative, so the flag is set.
 * Nothing else is removed: fields that do not apply (e.g. a legal person when the principal is the
 * legal representative) are kept for the filer and ignored by the checks and the checklist.
 */
import type {
  FilingForm,
  MaterialKey,
  MiniprogramPrincipal,
  PersonCertificate,
  PreApproval,
  Subject,
  SubjectPrincipal,
} from './form';
import { LONG_TERM } from './form';

const PERSONAL_SUBJECT = 5;

function compactMobile(value: string): string {
  const digits = value.replace(/[\s\-()（）]/g, '');
  const national = /^(?:\+86|0086|86)(1\d{10})$/.exec(digits);
  return national?.[1] ?? digits;
}

export function compactNumber(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

function pad(part: string): string {
  return part.length === 1 ? `0${part}` : part;
}

export function normalizeDate(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '长期有效') return LONG_TERM;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  if (separated?.[1] && separated[2] && separated[3]) {
    return `${separated[1]}-${pad(separated[2])}-${pad(separated[3])}`;
  }
  return trimmed;
}

function certificate(value: PersonCertificate): PersonCertificate {
  return {
    type: value.type,
    number: compactNumber(value.number),
    validFrom: normalizeDate(value.validFrom),
    validTo: normalizeDate(value.validTo),
    photoFront: value.photoFront.trim(),
    photoBack: value.photoBack.trim(),
  };
}

function subjectPrincipal(value: SubjectPrincipal, personal: boolean): SubjectPrincipal {
  return {
    name: value.name.trim(),
    mobile: compactMobile(value.mobile),
    email: value.email.trim(),
    emergencyContact: compactMobile(value.emergencyContact),
    certificate: certificate(value.certificate),
    isLegalRepresentative: personal ? true : value.isLegalRepresentative,
    authorizationLetter: value.authorizationLetter.trim(),
  };
}

function miniprogramPrincipal(value: MiniprogramPrincipal, subject: SubjectPrincipal): MiniprogramPrincipal {
  const face = {
    method: value.faceVerification.method,
    photo: value.faceVerification.photo.trim(),
    verifyId: value.faceVerification.verifyId.trim(),
    completedAt: value.faceVerification.completedAt.trim(),
  };
  const person = value.sameAsSubjectPrincipal
    ? {
        name: subject.name,
        mobile: subject.mobile,
        email: subject.email,
        emergencyContact: subject.emergencyContact,
        certificate: { ...subject.certificate },
      }
    : {
        name: value.name.trim(),
        mobile: compactMobile(value.mobile),
        email: value.email.trim(),
        emergencyContact: compactMobile(value.emergencyContact),
        certificate: certificate(value.certificate),
      };
  // Stored before the letter existed, a form has neither field: read as "not the legal representative".
  const delegate = value.sameAsSubjectPrincipal
    ? {
        isLegalRepresentative: subject.isLegalRepresentative,
        authorizationLetter: subject.authorizationLetter,
      }
    : {
        isLegalRepresentative: value.isLegalRepresentative === true,
        authorizationLetter: (value.authorizationLetter ?? '').trim(),
      };
  return {
    ...person,
    sameAsSubjectPrincipal: value.sameAsSubjectPrincipal,
    ...delegate,
    faceVerification: face,
  };
}

function subject(value: Subject): Subject {
  const personal = value.type === PERSONAL_SUBJECT;
  const principal = subjectPrincipal(value.principal, personal);
  const own = value.certificate;
  return {
    type: value.type,
    name: value.name.trim(),
    region: {
      province: value.region.province.trim(),
      city: value.region.city.trim(),
      district: value.region.district.trim(),
    },
    address: value.address.trim(),
    comment: value.comment.trim(),
    certificate: personal
      ? {
          type: principal.certificate.type,
          number: principal.certificate.number,
          address: own.address.trim(),
          // The ID card's own period is the principal's: the subject's copy would only drift.
          validFrom: '',
          validTo: '',
          photo: principal.certificate.photoFront,
        }
      : {
          type: own.type,
          number: compactNumber(own.number),
          address: own.address.trim(),
          // Forms stored before the licence's validity existed lack it (read as not given).
          validFrom: normalizeDate(own.validFrom ?? ''),
          validTo: normalizeDate(own.validTo ?? ''),
          photo: own.photo.trim(),
        },
    residencePermit: value.residencePermit.trim(),
    legalPerson: { name: value.legalPerson.name.trim(), idNumber: compactNumber(value.legalPerson.idNumber) },
    principal,
  };
}

function preApproval(value: PreApproval): PreApproval {
  return { type: value.type, code: value.code.trim(), media: value.media.trim() };
}

export function normalizeForm(form: FilingForm): FilingForm {
  const normalizedSubject = subject(form.subject);
  const mp = form.miniprogram;
  const materials = { ...form.materials };
  for (const key of Object.keys(materials) as MaterialKey[])
    materials[key] = materials[key].map((id) => id.trim());
  return {
    subject: normalizedSubject,
    miniprogram: {
      appid: mp.appid.replace(/\s/g, '').toLowerCase(),
      name: mp.name.trim(),
      serviceTypes: mp.serviceTypes.filter((id, index) => mp.serviceTypes.indexOf(id) === index),
      comment: mp.comment.trim(),
      preApprovals: mp.preApprovals.map(preApproval),
      principal: miniprogramPrincipal(mp.principal, normalizedSubject.principal),
    },
    materials,
  };
}
