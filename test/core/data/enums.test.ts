import {
  CERTIFICATE_TYPES,
  ENUMERATIONS_SOURCE,
  INDIVIDUAL_CERTIFICATE_TYPES,
  MAX_SERVICE_TYPES,
  NONE_PRE_APPROVAL,
  PRE_APPROVAL_TYPES,
  SERVICE_TYPES,
  SERVICE_TYPE_GROUPS,
  SUBJECT_TYPES,
  certificateTypeName,
  certificateTypesFor,
  isIndividualCertificateType,
  isPersonalSubject,
  isPreApprovalType,
  isSelectableServiceType,
  isServiceTypeGroup,
  isSubjectType,
  preApprovalTypeName,
  serviceTypeName,
  subjectTypeName,
} from '@beian/core';

const unique = (ids: number[]) => new Set(ids).size === ids.length;

describe('WeChat filing enumerations', () => {
  it('say where they come from and when the snapshot was taken', () => {
    expect(ENUMERATIONS_SOURCE.source).toMatch(/queryIcp/);
    expect(ENUMERATIONS_SOURCE.snapshot).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("use WeChat's own ids for the examples the issue names", () => {
    expect(subjectTypeName(5)).toBe('个人');
    expect(subjectTypeName(4)).toBe('企业');
    expect(certificateTypeName(2)).toBe('居民身份证');
    expect(certificateTypeName(1)).toBe('营业执照（个人或企业）');
    expect(preApprovalTypeName(NONE_PRE_APPROVAL)).toBe('以上都不涉及');
    expect(serviceTypeName(161)).toBe('信息传输、软件和信息技术服务业 / 软件开发');
  });

  it('has unique ids in every list', () => {
    expect(unique(SUBJECT_TYPES.map((t) => t.id))).toBe(true);
    expect(unique(CERTIFICATE_TYPES.map((t) => t.id))).toBe(true);
    expect(unique(SERVICE_TYPES.map((t) => t.id))).toBe(true);
    expect(unique(PRE_APPROVAL_TYPES.map((t) => t.id))).toBe(true);
  });

  it('gives every subject type at least one certificate type, and every certificate type a known subject type', () => {
    for (const subject of SUBJECT_TYPES) expect(certificateTypesFor(subject.id).length).toBeGreaterThan(0);
    for (const certificate of CERTIFICATE_TYPES) expect(isSubjectType(certificate.subjectType)).toBe(true);
  });

  it('allows principals the individual set only', () => {
    expect(INDIVIDUAL_CERTIFICATE_TYPES.map((t) => t.id)).toEqual([2, 7, 11, 14, 30, 41, 42]);
    expect(isIndividualCertificateType(2)).toBe(true);
    expect(isIndividualCertificateType(1)).toBe(false);
    expect(certificateTypesFor(4).map((t) => t.id)).toEqual([1, 12, 27]);
    expect(certificateTypesFor(99)).toEqual([]);
    expect(certificateTypesFor('4')).toEqual([]);
  });

  it('lets only second-level service types be chosen, 176 of them under 16 groups', () => {
    expect(SERVICE_TYPES).toHaveLength(176);
    expect(SERVICE_TYPE_GROUPS).toHaveLength(16);
    expect(SERVICE_TYPE_GROUPS.reduce((n, group) => n + group.types.length, 0)).toBe(176);
    expect(isSelectableServiceType(161)).toBe(true);
    expect(isSelectableServiceType(511)).toBe(false);
    expect(isServiceTypeGroup(511)).toBe(true);
    expect(serviceTypeName(506)).toBe('教育');
    expect(serviceTypeName(9999)).toBe('');
    expect(MAX_SERVICE_TYPES).toBe(5);
    expect(SERVICE_TYPES.find((t) => t.id === 3)?.remark).toMatch(/记账/);
  });

  it('keeps 以上都不涉及 (24) and the snapshot id of 网络预约车 (12)', () => {
    expect(isPreApprovalType(24)).toBe(true);
    expect(preApprovalTypeName(12)).toBe('网络预约车');
    expect(isPreApprovalType(11)).toBe(false);
  });

  it('knows a personal subject only by type 5', () => {
    expect(isPersonalSubject(5)).toBe(true);
    expect(isPersonalSubject(4)).toBe(false);
    expect(isPersonalSubject('5')).toBe(false);
    expect(isPersonalSubject(null)).toBe(false);
  });
});
