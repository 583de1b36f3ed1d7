/**
 * Every leaf of the filing form, by path, with the Chinese name a reviewer sees (the names WeChat's
 * rejection reasons use), the form step it belongs to, and how it is stored. The server builds its
 * boundary schema from these specs, the admin reject form lets reviewers pick a field by label, and
 * the checks' messages use the labels.
 *
 * Array items are written `[]` in specs (`miniprogram.preApprovals[].code`) and with an index in
 * concrete paths (`miniprogram.preApprovals.0.code`).
 */
import type { FormSection, MaterialKey } from './form';
import { pathPattern } from './paths';

/**
 * How a value is stored:
 * - `text`: a string ('' when empty) of at most `maxLength` characters; `values`, when set, lists
 *   the only strings allowed.
 * - `number`: a plain number (no field uses it today).
 * - `boolean`.
 * - `date`: '' or `YYYY-MM-DD`; an end of validity may also be `长期`.
 * - `file`: one cloud file id, '' when missing.
 * - `files`: cloud file ids, at most `maxItems`.
 * - `numbers`: integer ids, at most `maxItems`.
 * - `enum`: one id of a WeChat enumeration (`enumeration` names it), or null until chosen.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'file' | 'files' | 'numbers' | 'enum';

export type Enumeration = 'subjectType' | 'certificateType' | 'preApprovalType';

export interface FieldSpec {
  label: string;
  section: FormSection;
  kind: FieldKind;
  maxLength?: number;
  maxItems?: number;
  values?: readonly string[];
  enumeration?: Enumeration;
}

/** A list of objects in the form (not a leaf): its items are addressed by index. */
export interface ListSpec {
  label: string;
  section: FormSection;
  maxItems: number;
}

export const SECTION_LABELS: Readonly<Record<FormSection, string>> = {
  subject: '主体信息',
  subjectPrincipal: '主体负责人信息',
  miniprogram: '小程序信息',
  miniprogramPrincipal: '小程序负责人信息',
  materials: '其他材料',
};

/** The steps in the order the filer walks them. */
export const FORM_SECTIONS: readonly FormSection[] = [
  'subject',
  'subjectPrincipal',
  'miniprogram',
  'miniprogramPrincipal',
  'materials',
];

/** Storage bounds. The hard rules (e.g. the comment's 20–200) live in the checks. */
const MAX = {
  personName: 64,
  subjectName: 100,
  address: 200,
  comment: 200,
  certificateNumber: 50,
  mobile: 20,
  email: 100,
  file: 512,
  date: 10,
  regionCode: 6,
  appid: 32,
  miniprogramName: 30,
  approvalCode: 100,
  verifyId: 128,
  isoTime: 32,
};

const text = (label: string, section: FormSection, maxLength: number): FieldSpec => ({
  label,
  section,
  kind: 'text',
  maxLength,
});
const file = (label: string, section: FormSection): FieldSpec => ({
  label,
  section,
  kind: 'file',
  maxLength: MAX.file,
});
const files = (label: string, maxItems: number): FieldSpec => ({
  label,
  section: 'materials',
  kind: 'files',
  maxLength: MAX.file,
  maxItems,
});
const date = (label: string, section: FormSection): FieldSpec => ({
  label,
  section,
  kind: 'date',
  maxLength: MAX.date,
});
const choice = (label: string, section: FormSection, enumeration: Enumeration): FieldSpec => ({
  label,
  section,
  kind: 'enum',
  enumeration,
});

/** The fields both principals share, labelled for the person (`主体负责人` / `小程序负责人`). */
function principalSpecs(prefix: string, who: string, section: FormSection): Record<string, FieldSpec> {
  return {
    [`${prefix}.name`]: text(`${who}姓名`, section, MAX.personName),
    [`${prefix}.mobile`]: text(`${who}手机号码`, section, MAX.mobile),
    [`${prefix}.email`]: text(`${who}电子邮箱`, section, MAX.email),
    [`${prefix}.emergencyContact`]: text(`${who}应急联系方式`, section, MAX.mobile),
    [`${prefix}.certificate.type`]: choice(`${who}证件类型`, section, 'certificateType'),
    [`${prefix}.certificate.number`]: text(`${who}证件号码`, section, MAX.certificateNumber),
    [`${prefix}.certificate.validFrom`]: date(`${who}证件有效期起始日期`, section),
    [`${prefix}.certificate.validTo`]: date(`${who}证件有效期截止日期`, section),
    [`${prefix}.certificate.photoFront`]: file(`${who}证件正面照片`, section),
    [`${prefix}.certificate.photoBack`]: file(`${who}证件反面照片`, section),
  };
}

const MATERIAL_SPECS: Readonly<Record<MaterialKey, FieldSpec>> = {
  commitmentLetter: files('互联网信息服务承诺书', 1),
  authenticityCommitmentLetter: files('小程序备案信息真实性承诺书', 1),
  businessNameChangeLetter: files('主体更名函', 1),
  websiteConstructionProposal: files('小程序建设方案书', 1),
  partyBuildingConfirmationLetter: files('党建确认函', 1),
  holdingCertificatePhoto: files('手持证件照', 1),
  promiseVideo: files('承诺视频', 1),
  authenticityResponsibilityLetter: files('网站备案信息真实性责任告知书', 1),
  subjectOtherMaterials: files('主体其他材料', 10),
  appletsOtherMaterials: files('小程序其他材料', 10),
};

// A loop rather than Object.fromEntries: core runs on the mini-program's older JS engines too.
function materialSpecs(): Record<string, FieldSpec> {
  const specs: Record<string, FieldSpec> = {};
  for (const key of Object.keys(MATERIAL_SPECS) as MaterialKey[])
    specs[`materials.${key}`] = MATERIAL_SPECS[key];
  return specs;
}

export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  'subject.type': choice('主办单位性质', 'subject', 'subjectType'),
  'subject.name': text('主办单位名称', 'subject', MAX.subjectName),
  'subject.region.province': text('主办单位所在省份', 'subject', MAX.regionCode),
  'subject.region.city': text('主办单位所在城市', 'subject', MAX.regionCode),
  'subject.region.district': text('主办单位所在区县', 'subject', MAX.regionCode),
  'subject.address': text('主办单位通讯地址', 'subject', MAX.address),
  'subject.comment': text('主体信息备注', 'subject', MAX.comment),
  'subject.certificate.type': choice('主办单位证件类型', 'subject', 'certificateType'),
  'subject.certificate.number': text('主办单位证件号码', 'subject', MAX.certificateNumber),
  'subject.certificate.address': text('主办单位证件住所', 'subject', MAX.address),
  'subject.certificate.validFrom': date('主办单位证件有效期起始日期', 'subject'),
  'subject.certificate.validTo': date('主办单位证件有效期截止日期', 'subject'),
  'subject.certificate.photo': file('主办单位证件照片', 'subject'),
  'subject.residencePermit': file('居住证明', 'subject'),
  ...principalSpecs('subject.principal', '主体负责人', 'subjectPrincipal'),
  'subject.principal.isLegalRepresentative': {
    label: '主体负责人是否为法定代表人',
    section: 'subjectPrincipal',
    kind: 'boolean',
  },
  'subject.legalPerson.name': text('法定代表人姓名', 'subjectPrincipal', MAX.personName),
  'subject.legalPerson.idNumber': text('法定代表人证件号码', 'subjectPrincipal', MAX.certificateNumber),
  'subject.principal.authorizationLetter': file('主体负责人授权书', 'subjectPrincipal'),
  'miniprogram.appid': text('小程序AppID', 'miniprogram', MAX.appid),
  'miniprogram.name': text('小程序名称', 'miniprogram', MAX.miniprogramName),
  'miniprogram.serviceTypes': {
    label: '小程序服务内容类型',
    section: 'miniprogram',
    kind: 'numbers',
    maxItems: 5,
  },
  'miniprogram.comment': text('小程序备注', 'miniprogram', MAX.comment),
  'miniprogram.preApprovals[].type': choice('前置审批类型', 'miniprogram', 'preApprovalType'),
  'miniprogram.preApprovals[].code': text('前置审批号', 'miniprogram', MAX.approvalCode),
  'miniprogram.preApprovals[].media': file('前置审批文件', 'miniprogram'),
  ...principalSpecs('miniprogram.principal', '小程序负责人', 'miniprogramPrincipal'),
  'miniprogram.principal.sameAsSubjectPrincipal': {
    label: '小程序负责人与主体负责人为同一人',
    section: 'miniprogramPrincipal',
    kind: 'boolean',
  },
  'miniprogram.principal.isLegalRepresentative': {
    label: '小程序负责人是法定代表人',
    section: 'miniprogramPrincipal',
    kind: 'boolean',
  },
  'miniprogram.principal.authorizationLetter': file('小程序负责人授权书', 'miniprogramPrincipal'),
  'miniprogram.principal.faceVerification.method': {
    label: '人脸核身方式',
    section: 'miniprogramPrincipal',
    kind: 'text',
    maxLength: 6,
    values: ['photo', 'wechat'],
  },
  'miniprogram.principal.faceVerification.photo': file('小程序负责人人脸核身照片', 'miniprogramPrincipal'),
  'miniprogram.principal.faceVerification.verifyId': text(
    '人脸核身任务编号',
    'miniprogramPrincipal',
    MAX.verifyId,
  ),
  'miniprogram.principal.faceVerification.completedAt': text(
    '人脸核身完成时间',
    'miniprogramPrincipal',
    MAX.isoTime,
  ),
  ...materialSpecs(),
};

export const LIST_SPECS: Readonly<Record<string, ListSpec>> = {
  // One item per pre-approval type at most: duplicates are refused.
  'miniprogram.preApprovals': { label: '前置审批项', section: 'miniprogram', maxItems: 13 },
};

/** Labels of the objects that group leaves, for rejection reasons aimed at a whole block. */
const GROUP_LABELS: Readonly<Record<string, { label: string; section: FormSection }>> = {
  subject: { label: '主体信息', section: 'subject' },
  'subject.region': { label: '主办单位所在地区', section: 'subject' },
  'subject.certificate': { label: '主办单位证件', section: 'subject' },
  'subject.legalPerson': { label: '法定代表人', section: 'subjectPrincipal' },
  'subject.principal': { label: '主体负责人', section: 'subjectPrincipal' },
  'subject.principal.certificate': { label: '主体负责人证件', section: 'subjectPrincipal' },
  miniprogram: { label: '小程序信息', section: 'miniprogram' },
  'miniprogram.principal': { label: '小程序负责人', section: 'miniprogramPrincipal' },
  'miniprogram.principal.certificate': { label: '小程序负责人证件', section: 'miniprogramPrincipal' },
  'miniprogram.principal.faceVerification': {
    label: '小程序负责人人脸核身',
    section: 'miniprogramPrincipal',
  },
  materials: { label: '其他材料', section: 'materials' },
};

/** A record read that ignores inherited properties (`constructor`, `__proto__` are not paths). */
function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

interface Resolved {
  label: string;
  section: FormSection;
  /** 1-based item number when the path points into a list, for `（第2项）`. */
  item: number | null;
}

const INDEX = /^(0|[1-9]\d{0,3})$/;

/** Where an index is allowed, and how many items the list may hold. */
function listLimit(pattern: string): number | undefined {
  const list = lookup(LIST_SPECS, pattern);
  if (list) return list.maxItems;
  const spec = lookup(FIELD_SPECS, pattern);
  return spec && (spec.kind === 'files' || spec.kind === 'numbers') ? spec.maxItems : undefined;
}

function describe(pattern: string): { label: string; section: FormSection } | undefined {
  const spec = lookup(FIELD_SPECS, pattern) ?? lookup(LIST_SPECS, pattern) ?? lookup(GROUP_LABELS, pattern);
  if (spec) return spec;
  // An element of a list: `miniprogram.preApprovals[]`, `materials.commitmentLetter[]`.
  if (pattern.endsWith('[]')) {
    const list = pattern.slice(0, -2);
    return lookup(LIST_SPECS, list) ?? lookup(FIELD_SPECS, list);
  }
  return undefined;
}

function resolve(path: unknown): Resolved | undefined {
  if (typeof path !== 'string' || path === '' || path.length > 120) return undefined;
  let pattern = '';
  let item: number | null = null;
  for (const segment of path.split('.')) {
    if (INDEX.test(segment)) {
      const limit = listLimit(pattern);
      const index = Number(segment);
      if (limit === undefined || index >= limit || item !== null) return undefined;
      item = index + 1;
      pattern += '[]';
    } else {
      pattern = pattern === '' ? segment : `${pattern}.${segment}`;
    }
  }
  const found = describe(pattern);
  return found ? { ...found, item } : undefined;
}

/** The spec of a leaf, by its pattern (`miniprogram.preApprovals[].code`) or a concrete path. */
export function fieldSpec(path: string): FieldSpec | undefined {
  return lookup(FIELD_SPECS, path) ?? lookup(FIELD_SPECS, pathPattern(path));
}

/**
 * The Chinese name of a concrete path: `主体负责人手机号码`, `前置审批号（第1项）`, `主体负责人` for a
 * block. '' for anything that is not a path of the form.
 */
export function fieldLabel(path: string): string {
  const resolved = resolve(path);
  if (!resolved) return '';
  return resolved.item === null ? resolved.label : `${resolved.label}（第${resolved.item}项）`;
}

/** Whether `path` names a leaf, a block, a list or a list item of the form (indexes within bounds). */
export function isFormPath(path: unknown): path is string {
  return resolve(path) !== undefined;
}

/** The form step a path belongs to, or null for paths outside the form (e.g. `kind`). */
export function sectionOf(path: string): FormSection | null {
  return resolve(path)?.section ?? null;
}
