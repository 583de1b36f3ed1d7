/**
 * The tables a filing is checked against, as one value: WeChat's enumerations and its district
 * tree. WeChat updates them irregularly and says not to hard-code them (不定期更新，切勿硬编码), so
 * the rules take them as a value (CheckOptions.tables) instead of importing module-level rows: the
 * server fetches WeChat's current ones daily (tablesFromWeChat), the mini-program caches the
 * server's, and BUILT_IN_TABLES (today's rows) is only the offline default.
 */
import type { CertificateType, PreApprovalType, ServiceType, SubjectType } from './enums';
import { areaList, type AreaList } from './regions';
import { ENUMERATIONS_SOURCE } from './wechat-enums';
import {
  CERTIFICATE_TYPE_ROWS,
  PRE_APPROVAL_TYPE_ROWS,
  SERVICE_GROUP_ROWS,
  SERVICE_TYPE_ROWS,
  SUBJECT_TYPE_ROWS,
} from './wechat-enums';

/** A first-level service content type: only its children may be submitted. */
export interface ServiceGroup {
  id: number;
  name: string;
}

export interface FilingTables {
  /** Names this content: equal versions mean equal tables (the client asks with the one it holds). */
  readonly version: string;
  readonly subjectTypes: readonly SubjectType[];
  readonly certificateTypes: readonly CertificateType[];
  readonly serviceGroups: readonly ServiceGroup[];
  /** Second-level service content types, each with its group. */
  readonly serviceTypes: readonly ServiceType[];
  /** 前置审批项 (WeChat's nrlx types). */
  readonly preApprovalTypes: readonly PreApprovalType[];
  /** Province / city / district names by 6-digit code, in van-area's `area-list` shape. */
  readonly regions: AreaList;
}

/** The built-in tables' version: the snapshot date, never a content hash (no hash of WeChat's can equal it). */
export const BUILT_IN_VERSION = `builtin-${ENUMERATIONS_SOURCE.snapshot}`;

/**
 * Today's rows (wechat-enums.ts) and the bundled district tree. `regions` is a getter so that
 * loading core does not unpack the tree; it still serializes like plain data.
 */
export const BUILT_IN_TABLES: FilingTables = {
  version: BUILT_IN_VERSION,
  subjectTypes: SUBJECT_TYPE_ROWS.map(([id, name]) => ({ id, name })),
  certificateTypes: CERTIFICATE_TYPE_ROWS.map(([id, subjectType, name]) => ({ id, name, subjectType })),
  serviceGroups: SERVICE_GROUP_ROWS.map(([id, name]) => ({ id, name })),
  serviceTypes: SERVICE_TYPE_ROWS.map(([id, group, name, remark]) => ({
    id,
    name,
    group,
    remark: remark ?? '',
  })),
  preApprovalTypes: PRE_APPROVAL_TYPE_ROWS.map(([id, name]) => ({ id, name })),
  get regions(): AreaList {
    return areaList();
  },
};

function isList(value: unknown): boolean {
  return Array.isArray(value);
}

/**
 * Whether a value has the shape of FilingTables (a shallow look: the lists are lists, the tree has
 * its three maps). The checks take anything, so a malformed option falls back to the built-in.
 */
export function isFilingTables(value: unknown): value is FilingTables {
  if (typeof value !== 'object' || value === null) return false;
  const tables = value as Partial<Record<keyof FilingTables, unknown>>;
  const regions = tables.regions as Partial<Record<keyof AreaList, unknown>> | null | undefined;
  return (
    typeof tables.version === 'string' &&
    isList(tables.subjectTypes) &&
    isList(tables.certificateTypes) &&
    isList(tables.serviceGroups) &&
    isList(tables.serviceTypes) &&
    isList(tables.preApprovalTypes) &&
    typeof regions === 'object' &&
    regions !== null &&
    typeof regions.province_list === 'object' &&
    typeof regions.city_list === 'object' &&
    typeof regions.county_list === 'object'
  );
}
