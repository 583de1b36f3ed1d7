/**
 * The answers of WeChat's `query_icp_*` enumerations, and the lookups `apply_icp_filing` checks
 * against. The lists come from core's tables (the snapshot Beian's form is built on); the district
 * tree is WeChat's own answer, kept as a fixture: its codes differ from the vant tree the form
 * shows (xx01 市辖区 rows, older county codes), and the emulator must refuse what WeChat refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CERTIFICATE_TYPE_ROWS,
  PRE_APPROVAL_TYPE_ROWS,
  SERVICE_GROUP_ROWS,
  SERVICE_TYPE_ROWS,
  SUBJECT_TYPE_ROWS,
} from '@beian/core';
import type {
  CertificateTypeItem,
  DistrictItem,
  NrlxTypeItem,
  ServiceContentTypeItem,
  SubjectTypeItem,
} from '../../server/wechat/api';

export const DISTRICT_TREE_FILE = join(__dirname, 'fixtures', 'district-tree.json');

/** 个人: its certificate types are the only ones a principal may hold. */
export const PERSONAL_SUBJECT = 5;
/** 以上都不涉及: the nrlx item sent alone when no pre-approval applies. */
export const NO_NRLX = 24;

export const SUBJECT_TYPES: readonly SubjectTypeItem[] = SUBJECT_TYPE_ROWS.map(([type, name]) => ({
  type,
  name,
  remark: '',
}));

export const CERTIFICATE_TYPES: readonly CertificateTypeItem[] = CERTIFICATE_TYPE_ROWS.map(
  ([type, subjectType, name]) => ({ type, subject_type: subjectType, name, remark: '' }),
);

export const SERVICE_CONTENT_TYPES: readonly ServiceContentTypeItem[] = [
  ...SERVICE_GROUP_ROWS.map(([type, name]) => ({ type, parent_type: 0, name, remark: '' })),
  ...SERVICE_TYPE_ROWS.map(([type, parent, name, remark]) => ({
    type,
    parent_type: parent,
    name,
    remark: remark ?? '',
  })),
];

export const NRLX_TYPES: readonly NrlxTypeItem[] = PRE_APPROVAL_TYPE_ROWS.map(([type, name]) => ({
  type,
  name,
}));

let tree: DistrictItem[] | null = null;

/** WeChat's 省/市/区 tree, read on first use. */
export function districtTree(): DistrictItem[] {
  tree ??= JSON.parse(readFileSync(DISTRICT_TREE_FILE, 'utf8')) as DistrictItem[];
  return tree;
}

interface DistrictEntry {
  type: 1 | 2 | 3;
  /** The code one level up ('' for a province). */
  parent: string;
}

let districts: Map<string, DistrictEntry> | null = null;

/** A district code (as a string, the way `apply_icp_filing` sends it), or undefined. */
export function districtOf(code: string): DistrictEntry | undefined {
  if (!districts) {
    const index = new Map<string, DistrictEntry>();
    const walk = (items: readonly DistrictItem[], parent: string): void => {
      for (const item of items) {
        index.set(String(item.code), { type: item.type, parent });
        walk(item.sub_list ?? [], String(item.code));
      }
    };
    walk(districtTree(), '');
    districts = index;
  }
  return districts.get(code);
}

const subjectTypes = new Set(SUBJECT_TYPES.map((t) => t.type));
const certificateSubject = new Map(CERTIFICATE_TYPES.map((t) => [t.type, t.subject_type]));
const secondLevelServices = new Set(SERVICE_TYPE_ROWS.map(([type]) => type));
const nrlxTypes = new Set(NRLX_TYPES.map((t) => t.type));

export const isSubjectType = (type: number): boolean => subjectTypes.has(type);
/** The subject type a certificate type belongs to, or undefined for an unknown one. */
export const certificateSubjectType = (type: number): number | undefined => certificateSubject.get(type);
export const isSecondLevelService = (type: number): boolean => secondLevelServices.has(type);
export const isNrlxType = (type: number): boolean => nrlxTypes.has(type);
