/**
 * Typed lookups over WeChat's filing enumerations (the rows live in wechat-enums.ts). Everything
 * here is derived once at load; lookups are map reads, cheap enough for every keystroke.
 */
import {
  CERTIFICATE_TYPE_ROWS,
  PRE_APPROVAL_TYPE_ROWS,
  SERVICE_GROUP_ROWS,
  SERVICE_TYPE_ROWS,
  SUBJECT_TYPE_ROWS,
} from './wechat-enums';

export interface SubjectType {
  id: number;
  name: string;
}

export interface CertificateType {
  id: number;
  name: string;
  /** The subject type whose filers may use it (5 = 个人: the individual set, the only set principals use). */
  subjectType: number;
}

export interface ServiceType {
  id: number;
  name: string;
  /** The first-level group id (500 生活服务 …). */
  group: number;
  /** What the type covers, when WeChat says so (helps the filer choose). */
  remark: string;
}

export interface ServiceTypeGroup {
  id: number;
  name: string;
  /** Only these second-level types may be submitted. */
  types: readonly ServiceType[];
}

export interface PreApprovalType {
  id: number;
  name: string;
}

/** Subject type ids the rules refer to by name. */
export const SUBJECT_TYPE = {
  military: 1,
  government: 2,
  publicInstitution: 3,
  enterprise: 4,
  personal: 5,
  socialOrganization: 6,
  privateNonEnterprise: 9,
  foundation: 10,
  lawFirm: 11,
} as const;

/** Certificate type ids the rules refer to by name. */
export const CERTIFICATE_TYPE = {
  businessLicence: 1,
  residentId: 2,
  passport: 7,
  taiwanPermit: 11,
  hkMacauPermit: 14,
  foreignPermanentResidentId: 30,
  hkMacauResidencePermit: 41,
  taiwanResidencePermit: 42,
} as const;

/** 以上都不涉及: the pre-approval item sent when none applies; never together with another. */
export const NONE_PRE_APPROVAL = 24;

/** At most this many second-level service types per mini-program. */
export const MAX_SERVICE_TYPES = 5;

export const SUBJECT_TYPES: readonly SubjectType[] = SUBJECT_TYPE_ROWS.map(([id, name]) => ({ id, name }));

export const CERTIFICATE_TYPES: readonly CertificateType[] = CERTIFICATE_TYPE_ROWS.map(
  ([id, subjectType, name]) => ({ id, name, subjectType }),
);

export const SERVICE_TYPES: readonly ServiceType[] = SERVICE_TYPE_ROWS.map(([id, group, name, remark]) => ({
  id,
  name,
  group,
  remark: remark ?? '',
}));

export const SERVICE_TYPE_GROUPS: readonly ServiceTypeGroup[] = SERVICE_GROUP_ROWS.map(([id, name]) => ({
  id,
  name,
  types: SERVICE_TYPES.filter((type) => type.group === id),
}));

export const PRE_APPROVAL_TYPES: readonly PreApprovalType[] = PRE_APPROVAL_TYPE_ROWS.map(([id, name]) => ({
  id,
  name,
}));

const subjectTypeById = new Map(SUBJECT_TYPES.map((type) => [type.id, type]));
const certificateTypeById = new Map(CERTIFICATE_TYPES.map((type) => [type.id, type]));
const serviceTypeById = new Map(SERVICE_TYPES.map((type) => [type.id, type]));
const serviceGroupById = new Map(SERVICE_TYPE_GROUPS.map((group) => [group.id, group]));
const preApprovalTypeById = new Map(PRE_APPROVAL_TYPES.map((type) => [type.id, type]));
const certificateTypesBySubject = new Map<number, readonly CertificateType[]>(
  SUBJECT_TYPES.map((subject) => [subject.id, CERTIFICATE_TYPES.filter((c) => c.subjectType === subject.id)]),
);

export function isSubjectType(id: unknown): id is number {
  return typeof id === 'number' && subjectTypeById.has(id);
}

export function subjectTypeName(id: unknown): string {
  return typeof id === 'number' ? (subjectTypeById.get(id)?.name ?? '') : '';
}

/** 个人 (subject type 5): the subject is a person, who is also the subject principal. */
export function isPersonalSubject(type: unknown): boolean {
  return type === SUBJECT_TYPE.personal;
}

/** The certificate types a subject of this type may present (empty for an unknown type). */
export function certificateTypesFor(subjectType: unknown): readonly CertificateType[] {
  return typeof subjectType === 'number' ? (certificateTypesBySubject.get(subjectType) ?? []) : [];
}

/** The individual set (个人's types): the only types a principal may use. */
export const INDIVIDUAL_CERTIFICATE_TYPES: readonly CertificateType[] = certificateTypesFor(
  SUBJECT_TYPE.personal,
);

export function isCertificateType(id: unknown): id is number {
  return typeof id === 'number' && certificateTypeById.has(id);
}

export function isIndividualCertificateType(id: unknown): boolean {
  return typeof id === 'number' && certificateTypeById.get(id)?.subjectType === SUBJECT_TYPE.personal;
}

export function certificateTypeName(id: unknown): string {
  return typeof id === 'number' ? (certificateTypeById.get(id)?.name ?? '') : '';
}

/** A second-level service type: the only level `applyIcpFiling` accepts. */
export function isSelectableServiceType(id: unknown): boolean {
  return typeof id === 'number' && serviceTypeById.has(id);
}

export function isServiceTypeGroup(id: unknown): boolean {
  return typeof id === 'number' && serviceGroupById.has(id);
}

/** `餐饮 / 外卖` for a second-level id, the group name for a first-level one, '' otherwise. */
export function serviceTypeName(id: unknown): string {
  if (typeof id !== 'number') return '';
  const type = serviceTypeById.get(id);
  if (type) return `${serviceGroupById.get(type.group)?.name ?? ''} / ${type.name}`;
  return serviceGroupById.get(id)?.name ?? '';
}

export function isPreApprovalType(id: unknown): id is number {
  return typeof id === 'number' && preApprovalTypeById.has(id);
}

export function preApprovalTypeName(id: unknown): string {
  return typeof id === 'number' ? (preApprovalTypeById.get(id)?.name ?? '') : '';
}
