/**
 * Every leaf of the filing form, by path, with the Chinese name a reviewer sees (the names WeChat's
 * rejection reasons use), the form step it belongs to, and how it is stored. The server builds its
 * boundary schema from these specs, the admin reject form lets reviewers pick a field by label, and
 * the checks' messages use the labels.
 *
 * Array items are written `[]` in specs (`miniprogram.preApprovals[].code`) and with an index in
 * concrete paths (`miniprogram.preApprovals.0.code`).
 */
import { FACE_METHODS, type FormSection, type MaterialKey, type Principal } from './form';
import type {
  Enumeration,
  FieldKind,
  FieldSpec,
  FormFieldSpecs,
  FormListSpecs,
  LeafEntries,
  ListSpec,
} from './specs';

export type {
  Enumeration,
  FieldKind,
  FieldSpec,
  FormLeafPattern,
  FormListPattern,
  KindValues,
  ListSpec,
} from './specs';

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

/** A spec of one kind: FormFieldSpecs holds each leaf to the kind that stores its type. */
type Spec<K extends FieldKind> = FieldSpec & { kind: K };

const text = (label: string, section: FormSection, maxLength: number): Spec<'text'> => ({
  label,
  section,
  kind: 'text',
  maxLength,
});
const file = (label: string, section: FormSection): Spec<'file'> => ({
  label,
  section,
  kind: 'file',
  maxLength: MAX.file,
});
const files = (label: string, maxItems: number): Spec<'files'> => ({
  label,
  section: 'materials',
  kind: 'files',
  maxLength: MAX.file,
  maxItems,
});
const date = (label: string, section: FormSection): Spec<'date'> => ({
  label,
  section,
  kind: 'date',
  maxLength: MAX.date,
});
const choice = (label: string, section: FormSection, enumeration: Enumeration): Spec<'enum'> => ({
  label,
  section,
  kind: 'enum',
  enumeration,
});

type PrincipalPrefix = 'subject.principal' | 'miniprogram.principal';

/** The fields both principals share, labelled for the person (`主体负责人` / `小程序负责人`). */
function principalSpecs<P extends PrincipalPrefix>(
  prefix: P,
  who: string,
  section: FormSection,
): Pick<FormFieldSpecs, `${P}.${LeafEntries<Principal>[0]}`> {
  // Computed keys widen to string; the keys are the Principal type's leaves, as the type says.
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
  } as Pick<FormFieldSpecs, `${P}.${LeafEntries<Principal>[0]}`>;
}

const MATERIAL_SPECS: Readonly<Record<MaterialKey, Spec<'files'>>> = {
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
function materialSpecs(): Pick<FormFieldSpecs, `materials.${MaterialKey}`> {
  const specs: Record<string, Spec<'files'>> = {};
  for (const key of Object.keys(MATERIAL_SPECS) as MaterialKey[])
    specs[`materials.${key}`] = MATERIAL_SPECS[key];
  // One entry per MaterialKey, written by the loop above.
  return specs as Pick<FormFieldSpecs, `materials.${MaterialKey}`>;
}

/**
 * The one definition of the form's leaves. `satisfies FormFieldSpecs` refuses a spec for a path
 * the FilingForm type lacks, a leaf without a spec, and a kind that does not store the leaf's type.
 */
const SPECS = {
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
  // Added after forms were stored without them (the licence's 营业期限): such a form reads them as ''.
  'subject.certificate.validFrom': { ...date('主办单位证件有效期起始日期', 'subject'), defaulted: true },
  'subject.certificate.validTo': { ...date('主办单位证件有效期截止日期', 'subject'), defaulted: true },
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
    defaulted: true,
  },
  'miniprogram.principal.authorizationLetter': {
    ...file('小程序负责人授权书', 'miniprogramPrincipal'),
    defaulted: true,
  },
  'miniprogram.principal.faceVerification.method': {
    label: '人脸核身方式',
    section: 'miniprogramPrincipal',
    kind: 'text',
    maxLength: 6,
    values: FACE_METHODS,
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
} satisfies FormFieldSpecs;

export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = SPECS;

/**
 * The lists of objects, and the most items each may hold: the checks, the boundary schema and the
 * path resolver below all read the limit from here.
 */
export const LIST_SPECS: Readonly<Record<string, ListSpec>> = {
  // One item per pre-approval type at most (13 types): duplicates are refused.
  'miniprogram.preApprovals': { label: '前置审批项', section: 'miniprogram', maxItems: 13 },
} satisfies FormListSpecs;
