/**
 * Our form ↔ WeChat's `apply_icp_filing`, in one place (docs/wechat-platform.md § Mapping).
 *
 * - `mediaNeeds(form)`: every file the body references, with the API field it fills and, for a
 *   certificate photo, the certificate type WeChat checks it against at apply (86328);
 * - `applyBody(form, mediaOf, verifyTaskId)`: the body, once each file has a media_id;
 * - `formPathOfApiPath` / `formPathOfLabel`: WeChat's refusals (`hints[].err_field`, an API path;
 *   `audit_data[].key_name`, a Chinese label) back to the form paths the filer's form shows.
 *
 * WeChat fills the mini-program's appid and name itself (the token says which), so they are not
 * sent; dates go from `YYYY-MM-DD` to `YYYYMMDD`; region codes go as strings.
 */
import {
  fieldLabel,
  FIELD_SPECS,
  isPersonalSubject,
  LONG_TERM,
  type CancelScope,
  type FilingForm,
  type Principal,
} from '@beian/core';
import type {
  ApplyIcpFilingRequest,
  CancelType,
  IcpMaterials,
  IcpOrganizeInfo,
  IcpPrincipalInfo,
  UploadMediaFields,
} from './api';

/** Our material keys → WeChat's `icp_materials` fields. */
const MATERIALS: Readonly<Record<keyof FilingForm['materials'], keyof IcpMaterials>> = {
  commitmentLetter: 'commitment_letter',
  authenticityCommitmentLetter: 'authenticity_commitment_letter',
  businessNameChangeLetter: 'business_name_change_letter',
  websiteConstructionProposal: 'website_construction_proposal',
  partyBuildingConfirmationLetter: 'party_building_confirmation_letter',
  holdingCertificatePhoto: 'holding_certificate_photo',
  promiseVideo: 'promise_video',
  authenticityResponsibilityLetter: 'authenticity_responsibility_letter',
  subjectOtherMaterials: 'subject_other_materials',
  appletsOtherMaterials: 'applets_other_materials',
};

const PRINCIPAL_FIELDS: readonly [keyof IcpPrincipalInfo, string][] = [
  ['name', 'name'],
  ['mobile', 'mobile'],
  ['email', 'email'],
  ['emergency_contact', 'emergencyContact'],
  ['certificate_type', 'certificate.type'],
  ['certificate_number', 'certificate.number'],
  ['certificate_validity_date_start', 'certificate.validFrom'],
  ['certificate_validity_date_end', 'certificate.validTo'],
  ['certificate_photo_front', 'certificate.photoFront'],
  ['certificate_photo_back', 'certificate.photoBack'],
];

/** API path → form path, for every leaf both sides have. */
export const API_PATHS: Readonly<Record<string, string>> = {
  'icp_subject.base_info.type': 'subject.type',
  'icp_subject.base_info.name': 'subject.name',
  'icp_subject.base_info.province': 'subject.region.province',
  'icp_subject.base_info.city': 'subject.region.city',
  'icp_subject.base_info.district': 'subject.region.district',
  'icp_subject.base_info.address': 'subject.address',
  'icp_subject.base_info.comment': 'subject.comment',
  'icp_subject.personal_info.residence_permit': 'subject.residencePermit',
  'icp_subject.organize_info.certificate_type': 'subject.certificate.type',
  'icp_subject.organize_info.certificate_number': 'subject.certificate.number',
  'icp_subject.organize_info.certificate_address': 'subject.certificate.address',
  'icp_subject.organize_info.certificate_photo': 'subject.certificate.photo',
  'icp_subject.legal_person_info.name': 'subject.legalPerson.name',
  'icp_subject.legal_person_info.certificate_number': 'subject.legalPerson.idNumber',
  'icp_subject.principal_info.authorization_letter': 'subject.principal.authorizationLetter',
  ...principalPaths('icp_subject.principal_info', 'subject.principal'),
  'icp_applets.base_info.service_content_types': 'miniprogram.serviceTypes',
  'icp_applets.base_info.nrlx_details': 'miniprogram.preApprovals',
  'icp_applets.base_info.comment': 'miniprogram.comment',
  'icp_applets.principal_info.verify_task_id': 'miniprogram.principal.faceVerification.verifyId',
  ...principalPaths('icp_applets.principal_info', 'miniprogram.principal'),
  ...Object.fromEntries(
    Object.entries(MATERIALS).map(([ours, theirs]) => [`icp_materials.${theirs}`, `materials.${ours}`]),
  ),
};

function principalPaths(api: string, form: string): Record<string, string> {
  return Object.fromEntries(
    PRINCIPAL_FIELDS.map(([theirs, ours]) => [`${api}.${theirs}`, `${form}.${ours}`]),
  );
}

/** One file to upload with `upload_icp_media` before applying. */
export interface MediaNeed {
  fileId: string;
  fields: UploadMediaFields;
}

export function mediaNeeds(form: FilingForm): MediaNeed[] {
  const needs: MediaNeed[] = [];
  const add = (
    fileId: string,
    apiPath: string,
    certificateType: number | null = null,
    type: 'image' | 'video' = 'image',
  ) => {
    if (!fileId) return;
    const fields: UploadMediaFields = { type, icp_order_field: apiPath };
    if (certificateType !== null) fields.certificate_type = certificateType;
    needs.push({ fileId, fields });
  };
  const { subject, miniprogram, materials } = form;
  add(subject.certificate.photo, 'icp_subject.organize_info.certificate_photo', subject.certificate.type);
  add(subject.residencePermit, 'icp_subject.personal_info.residence_permit');
  add(subject.principal.authorizationLetter, 'icp_subject.principal_info.authorization_letter');
  for (const [api, person] of [
    ['icp_subject.principal_info', subject.principal],
    ['icp_applets.principal_info', miniprogram.principal],
  ] as const) {
    add(person.certificate.photoFront, `${api}.certificate_photo_front`, person.certificate.type);
    add(person.certificate.photoBack, `${api}.certificate_photo_back`, person.certificate.type);
  }
  for (const approval of miniprogram.preApprovals) add(approval.media, 'icp_applets.base_info.nrlx_details');
  for (const [ours, theirs] of Object.entries(MATERIALS) as [
    keyof FilingForm['materials'],
    keyof IcpMaterials,
  ][]) {
    for (const fileId of materials[ours])
      add(fileId, `icp_materials.${theirs}`, null, ours === 'promiseVideo' ? 'video' : 'image');
  }
  return needs;
}

/** `mediaOf(fileId)`: the media_id its upload answered. */
export function applyBody(
  form: FilingForm,
  mediaOf: (fileId: string) => string,
  verifyTaskId: string,
): ApplyIcpFilingRequest {
  const { subject, miniprogram } = form;
  const media = (fileId: string) => (fileId ? mediaOf(fileId) : '');
  const principal = (person: Principal): IcpPrincipalInfo => ({
    name: person.name,
    mobile: person.mobile,
    email: person.email,
    emergency_contact: person.emergencyContact,
    certificate_type: person.certificate.type ?? 0,
    certificate_number: person.certificate.number,
    certificate_validity_date_start: wechatDate(person.certificate.validFrom),
    certificate_validity_date_end: wechatDate(person.certificate.validTo),
    certificate_photo_front: media(person.certificate.photoFront),
    certificate_photo_back: media(person.certificate.photoBack),
  });
  const needsLetter = !subject.principal.isLegalRepresentative;
  const body: ApplyIcpFilingRequest = {
    icp_subject: {
      base_info: {
        type: subject.type ?? 0,
        name: subject.name,
        province: subject.region.province,
        city: subject.region.city,
        district: subject.region.district,
        address: subject.address,
        comment: subject.comment,
      },
      organize_info: organizeInfo(form, media),
      principal_info: {
        ...principal(subject.principal),
        ...(needsLetter && subject.principal.authorizationLetter
          ? { authorization_letter: media(subject.principal.authorizationLetter) }
          : {}),
      },
      ...(subject.residencePermit
        ? { personal_info: { residence_permit: media(subject.residencePermit) } }
        : {}),
      ...(needsLetter && subject.legalPerson.name
        ? {
            legal_person_info: {
              name: subject.legalPerson.name,
              certificate_number: subject.legalPerson.idNumber,
            },
          }
        : {}),
    },
    icp_applets: {
      base_info: {
        service_content_types: [...miniprogram.serviceTypes],
        // Nothing chosen is "none applies": WeChat wants {type: 24} alone, never an empty list.
        nrlx_details:
          miniprogram.preApprovals.length === 0
            ? [{ type: 24 }]
            : miniprogram.preApprovals.map((approval) =>
                approval.type === 24
                  ? { type: 24 }
                  : { type: approval.type ?? 0, code: approval.code, media: media(approval.media) },
              ),
        comment: miniprogram.comment,
      },
      principal_info: { ...principal(miniprogram.principal), verify_task_id: verifyTaskId },
    },
  };
  const materials = materialsOf(form, media);
  if (Object.keys(materials).length > 0) body.icp_materials = materials;
  return body;
}

/**
 * The subject's certificate. A personal subject has none of its own: WeChat wants its principal's
 * ID card there, the portrait side as the photo (one media_id may fill several fields).
 */
function organizeInfo(form: FilingForm, media: (fileId: string) => string): IcpOrganizeInfo {
  const { subject } = form;
  if (isPersonalSubject(subject.type)) {
    const { certificate } = subject.principal;
    return {
      certificate_type: certificate.type ?? 0,
      certificate_number: certificate.number,
      certificate_address: subject.certificate.address || subject.address,
      ...(certificate.photoFront ? { certificate_photo: media(certificate.photoFront) } : {}),
    };
  }
  return {
    certificate_type: subject.certificate.type ?? 0,
    certificate_number: subject.certificate.number,
    certificate_address: subject.certificate.address,
    ...(subject.certificate.photo ? { certificate_photo: media(subject.certificate.photo) } : {}),
  };
}

function materialsOf(form: FilingForm, media: (fileId: string) => string): IcpMaterials {
  const out: IcpMaterials = {};
  for (const [ours, theirs] of Object.entries(MATERIALS) as [
    keyof FilingForm['materials'],
    keyof IcpMaterials,
  ][]) {
    const ids = form.materials[ours].filter(Boolean).map(media);
    if (ids.length > 0) out[theirs] = ids;
  }
  return out;
}

/** `2020-01-01` → `20200101`; 长期 stays. */
export function wechatDate(date: string): string {
  return date === LONG_TERM ? date : date.replace(/-/g, '');
}

/** A hint's `err_field` (an API path, possibly with an index) → the form path it is about. */
export function formPathOfApiPath(apiPath: string): string | null {
  const bare = apiPath.replace(/\[\d+\]|\.\d+(?=\.|$)/g, '');
  const found = API_PATHS[bare];
  if (found) return found;
  const parent = bare.split('.').slice(0, -1).join('.');
  return parent && API_PATHS[parent] ? API_PATHS[parent] : null;
}

/** An `audit_data` key_name (WeChat's Chinese label) → our form path with that label, if any. */
export function formPathOfLabel(keyName: string): string | null {
  const wanted = keyName.trim();
  return Object.keys(FIELD_SPECS).find((path) => !path.includes('[]') && fieldLabel(path) === wanted) ?? null;
}

/**
 * Our cancel scopes → `cancel_icp_filing`'s cancel_type (1 注销主体 · 2 注销小程序 · 3 注销微信小程序).
 * 取消接入 ends the access through WeChat, which is what WeChat's third type names; its exact
 * effect is not documented beyond the name (docs/wechat-platform.md § Mapping).
 */
export const CANCEL_TYPES: Readonly<Record<CancelScope, CancelType>> = {
  subject: 1,
  miniprogram: 2,
  access: 3,
};
