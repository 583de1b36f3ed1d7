/**
 * FilingTables from WeChat's own answers (`query_icp_subject_types`, `…_certificate_types`,
 * `…_service_content_types`, `…_nrlx_types`, `…_district_code`), in WeChat's field names. Pure, so
 * the server builds the value it stores and a test builds one from a fixture the same way. The
 * version is a hash of the content: the same answers give the same version on every instance.
 */
import type { AreaList } from './regions';
import type { FilingTables } from './tables';

export interface WeChatSubjectType {
  type: number;
  name: string;
  remark?: string;
}
export interface WeChatCertificateType {
  type: number;
  subject_type: number;
  name: string;
  remark?: string;
}
export interface WeChatServiceContentType {
  type: number;
  /** 0 for a first-level type. */
  parent_type: number;
  name: string;
  remark?: string;
}
export interface WeChatNrlxType {
  type: number;
  name: string;
}
/** 1 省, 2 市, 3 区; WeChat's codes are numbers. */
export interface WeChatDistrict {
  type: 1 | 2 | 3;
  code: number;
  name: string;
  sub_list?: readonly WeChatDistrict[];
}

export interface WeChatTableItems {
  subjectTypes: readonly WeChatSubjectType[];
  certificateTypes: readonly WeChatCertificateType[];
  serviceContentTypes: readonly WeChatServiceContentType[];
  nrlxTypes: readonly WeChatNrlxType[];
  districts: readonly WeChatDistrict[];
}

/** FNV-1a, 32 bits: small and stable across runtimes; it names a content, it guards nothing. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function flatten(nodes: readonly WeChatDistrict[], into: Record<1 | 2 | 3, Record<string, string>>): void {
  for (const node of nodes) {
    into[node.type][String(node.code).padStart(6, '0')] = node.name;
    if (node.sub_list) flatten(node.sub_list, into);
  }
}

/** WeChat's nested tree, by level, in the shape the picker and the checks read. */
function regionsOf(districts: readonly WeChatDistrict[]): AreaList {
  const levels: Record<1 | 2 | 3, Record<string, string>> = { 1: {}, 2: {}, 3: {} };
  flatten(districts, levels);
  return { province_list: levels[1], city_list: levels[2], county_list: levels[3] };
}

export function tablesFromWeChat(items: WeChatTableItems): FilingTables {
  const services = items.serviceContentTypes;
  const content: Omit<FilingTables, 'version'> = {
    subjectTypes: items.subjectTypes.map(({ type, name }) => ({ id: type, name })),
    certificateTypes: items.certificateTypes.map((item) => ({
      id: item.type,
      name: item.name,
      subjectType: item.subject_type,
    })),
    serviceGroups: services
      .filter((item) => item.parent_type === 0)
      .map(({ type, name }) => ({ id: type, name })),
    serviceTypes: services
      .filter((item) => item.parent_type !== 0)
      .map((item) => ({
        id: item.type,
        name: item.name,
        group: item.parent_type,
        remark: item.remark ?? '',
      })),
    preApprovalTypes: items.nrlxTypes.map(({ type, name }) => ({ id: type, name })),
    regions: regionsOf(items.districts),
  };
  return { version: `wx-${fnv1a(JSON.stringify(content))}`, ...content };
}
