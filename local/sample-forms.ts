/**
 * Complete, valid filing forms: real check digits, real region codes, certificates valid until
 * 2040, so they pass every check (errors and warnings) on any date before then. One definition
 * serves the demo data (`npm run seed`), the bench and the tests' fixtures, each naming the stored
 * files its own way.
 */
import { emptyForm, type FaceVerification, type FileId, type FilingForm } from '@beian/core';

/** The stored-file id of a named document (`id-front`, `face`, `licence`, …). */
export type FileNamer = (name: string) => FileId;

/** What differs between mini-programs of the same subject. */
export interface SampleMiniprogram {
  appid: string;
  name: string;
  comment: string;
}

export const PERSONAL_APP: SampleMiniprogram = {
  appid: 'wx1234567890abcdef',
  name: '三哥记账本',
  comment: '个人开发的记账工具，提供收支记录、分类统计和月度报表功能，数据只保存在用户自己的账户中。',
};

export const ENTERPRISE_APP: SampleMiniprogram = {
  appid: 'wxabcdef1234567890',
  name: '示例企业协同办公',
  comment: '企业内部协同办公工具，提供日程安排、任务分派、审批流转和团队通讯录等功能，仅供本公司员工使用。',
};

/** 个人 (subject type 5) filing in 北京市朝阳区: the filer is subject and mini-program principal. */
export function personalSampleForm(file: FileNamer, app: SampleMiniprogram = PERSONAL_APP): FilingForm {
  const form = emptyForm();
  const person = {
    name: '张三',
    mobile: '13800138000',
    email: 'zhangsan@example.com',
    emergencyContact: '13900139000',
    certificate: {
      type: 2,
      number: '110105199003071239',
      validFrom: '2020-03-01',
      validTo: '2040-03-01',
      photoFront: file('id-front'),
      photoBack: file('id-back'),
    },
  };
  form.subject = {
    ...form.subject,
    type: 5,
    name: '张三',
    region: { province: '110000', city: '110100', district: '110105' },
    address: '高碑店路181号1单元101室',
    comment: '',
    certificate: {
      type: 2,
      number: '110105199003071239',
      address: '北京市朝阳区高碑店路181号',
      validFrom: '',
      validTo: '',
      photo: '',
    },
    principal: { ...person, isLegalRepresentative: true, authorizationLetter: '' },
  };
  form.miniprogram = {
    ...ownFields(app),
    principal: {
      ...person,
      sameAsSubjectPrincipal: true,
      isLegalRepresentative: true,
      authorizationLetter: '',
      faceVerification: photographed(file('face')),
    },
  };
  return withCommitments(form, file);
}

/** 企业 (subject type 4) in 北京市海淀区, its legal representative as subject principal and a
 * colleague as mini-program principal. */
export function enterpriseSampleForm(file: FileNamer, app: SampleMiniprogram = ENTERPRISE_APP): FilingForm {
  const form = emptyForm();
  form.subject = {
    ...form.subject,
    type: 4,
    name: '北京示例科技有限公司',
    region: { province: '110000', city: '110100', district: '110108' },
    address: '中关村大街1号8层801',
    comment: '',
    certificate: {
      type: 1,
      number: '91110108551385082Q',
      address: '北京市海淀区中关村大街1号8层801',
      validFrom: '2013-03-20',
      validTo: '长期',
      photo: file('licence'),
    },
    principal: {
      name: '李四',
      mobile: '13700137000',
      email: 'lisi@example.com',
      emergencyContact: '13600136000',
      certificate: {
        type: 2,
        number: '110108198506112340',
        validFrom: '2019-06-01',
        validTo: '长期',
        photoFront: file('lisi-front'),
        photoBack: file('lisi-back'),
      },
      isLegalRepresentative: true,
      authorizationLetter: '',
    },
  };
  form.miniprogram = {
    ...ownFields(app),
    principal: {
      name: '王五',
      mobile: '13500135000',
      email: 'wangwu@example.com',
      emergencyContact: '13300133000',
      certificate: {
        type: 2,
        number: '440305199212183453',
        validFrom: '2021-01-01',
        validTo: '2041-01-01',
        photoFront: file('wangwu-front'),
        photoBack: file('wangwu-back'),
      },
      sameAsSubjectPrincipal: false,
      // A colleague, not the legal representative: the legal representative authorizes them.
      isLegalRepresentative: false,
      authorizationLetter: file('wangwu-authorization'),
      faceVerification: photographed(file('wangwu-face')),
    },
  };
  return withCommitments(form, file);
}

/** A mini-program's own fields, as every sample has them: one service type, no pre-approval needed. */
function ownFields(app: SampleMiniprogram): Omit<FilingForm['miniprogram'], 'principal'> {
  return {
    appid: app.appid,
    name: app.name,
    serviceTypes: [161],
    comment: app.comment,
    preApprovals: [{ type: 24, code: '', media: '' }],
  };
}

/** A face verification by photo, done on the day the samples describe. */
function photographed(photo: FileId): FaceVerification {
  return { method: 'photo', photo, verifyId: '', completedAt: '2026-11-20T08:00:00.000Z' };
}

/** The form with the two commitment letters every filing carries. */
function withCommitments(form: FilingForm, file: FileNamer): FilingForm {
  form.materials.commitmentLetter = [file('commitment')];
  form.materials.authenticityCommitmentLetter = [file('authenticity')];
  return form;
}
