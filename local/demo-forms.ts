/**
 * Complete, valid filing forms for the demo data (`npm run seed`): real check digits, real region
 * codes, certificates valid long enough, every file under its filer's own storage prefix. The same
 * shapes as test/fixtures/forms.ts (local/ does not import from test/).
 */
import { emptyForm, type FilingForm } from '@beian/core';
import { FILE_ID_ROOT } from './storage';

/** What varies between the demo mini-programs of one subject. */
export interface DemoApp {
  /** Names the demo's files (`<key>-id-front.png`). */
  key: string;
  appid: string;
  name: string;
  comment: string;
}

export function demoFileId(owner: string, key: string, name: string): string {
  return `${FILE_ID_ROOT}filings/${owner}/${key}-${name}.png`;
}

/** 个人 (subject type 5) in 北京市朝阳区: the filer is subject and mini-program principal. */
export function personalDemoForm(owner: string, app: DemoApp): FilingForm {
  const file = (name: string) => demoFileId(owner, app.key, name);
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
    certificate: { type: 2, number: '110105199003071239', address: '北京市朝阳区高碑店路181号', photo: '' },
    principal: { ...person, isLegalRepresentative: true, authorizationLetter: '' },
  };
  form.miniprogram = {
    appid: app.appid,
    name: app.name,
    serviceTypes: [161],
    comment: app.comment,
    preApprovals: [{ type: 24, code: '', media: '' }],
    principal: {
      ...person,
      sameAsSubjectPrincipal: true,
      faceVerification: {
        method: 'photo',
        photo: file('face'),
        verifyId: '',
        completedAt: '2026-11-20T08:00:00.000Z',
      },
    },
  };
  form.materials.commitmentLetter = [file('commitment')];
  form.materials.authenticityCommitmentLetter = [file('authenticity')];
  return form;
}

/** 企业 (subject type 4) in 北京市海淀区: its legal representative and a colleague as principals. */
export function enterpriseDemoForm(owner: string, app: DemoApp): FilingForm {
  const file = (name: string) => demoFileId(owner, app.key, name);
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
    appid: app.appid,
    name: app.name,
    serviceTypes: [161],
    comment: app.comment,
    preApprovals: [{ type: 24, code: '', media: '' }],
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
      faceVerification: {
        method: 'photo',
        photo: file('wangwu-face'),
        verifyId: '',
        completedAt: '2026-11-20T08:00:00.000Z',
      },
    },
  };
  form.materials.commitmentLetter = [file('commitment')];
  form.materials.authenticityCommitmentLetter = [file('authenticity')];
  return form;
}

/** Every stored-file id a form refers to, once each. */
export function fileIdsOf(form: FilingForm): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith(FILE_ID_ROOT)) ids.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(walk);
    }
  };
  walk(form);
  return [...ids];
}
