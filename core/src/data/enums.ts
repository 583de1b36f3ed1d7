/**
 * Typed lookups over WeChat's filing enumerations. The rules ask the FilingTables they are given
 * (./tables.ts, ./lookup.ts); these module-level names answer from BUILT_IN_TABLES, for callers
 * that have no tables at hand (and for the ids the rules refer to by name).
 */
import { builtInLookup } from './lookup';
import { BUILT_IN_TABLES } from './tables';

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

export const SUBJECT_TYPES: readonly SubjectType[] = BUILT_IN_TABLES.subjectTypes;

export const CERTIFICATE_TYPES: readonly CertificateType[] = BUILT_IN_TABLES.certificateTypes;

export const SERVICE_TYPES: readonly ServiceType[] = BUILT_IN_TABLES.serviceTypes;

export const SERVICE_TYPE_GROUPS: readonly ServiceTypeGroup[] = builtInLookup().serviceTypeGroups();

export const PRE_APPROVAL_TYPES: readonly PreApprovalType[] = BUILT_IN_TABLES.preApprovalTypes;

export function isSubjectType(id: unknown): id is number {
  return builtInLookup().isSubjectType(id);
}

export function subjectTypeName(id: unknown): string {
  return builtInLookup().subjectTypeName(id);
}

/** 个人 (subject type 5): the subject is a person, who is also the subject principal. */
export function isPersonalSubject(type: unknown): boolean {
  return type === SUBJECT_TYPE.personal;
}

/** The certificate types a subject of this type may present (empty for an unknown type). */
export function certificateTypesFor(subjectType: unknown): readonly CertificateType[] {
  return builtInLookup().certificateTypesFor(subjectType);
}

/** The individual set (个人's types): the only types a principal may use. */
export const INDIVIDUAL_CERTIFICATE_TYPES: readonly CertificateType[] = certificateTypesFor(
  SUBJECT_TYPE.personal,
);

export function isCertificateType(id: unknown): id is number {
  return builtInLookup().isCertificateType(id);
}

export function isIndividualCertificateType(id: unknown): boolean {
  return builtInLookup().isIndividualCertificateType(id);
}

export function certificateTypeName(id: unknown): string {
  return builtInLookup().certificateTypeName(id);
}

/** A second-level service type: the only level `applyIcpFiling` accepts. */
export function isSelectableServiceType(id: unknown): boolean {
  return builtInLookup().isSelectableServiceType(id);
}

export function isServiceTypeGroup(id: unknown): boolean {
  return builtInLookup().isServiceTypeGroup(id);
}

/** `餐饮 / 外卖` for a second-level id, the group name for a first-level one, '' otherwise. */
export function serviceTypeName(id: unknown): string {
  return builtInLookup().serviceTypeName(id);
}

export function isPreApprovalType(id: unknown): id is number {
  return builtInLookup().isPreApprovalType(id);
}

export function preApprovalTypeName(id: unknown): string {
  return builtInLookup().preApprovalTypeName(id);
}
