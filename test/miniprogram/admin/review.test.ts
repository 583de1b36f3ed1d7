import {
  STATE_INFO,
  fieldLabel,
  type Application,
  type AuditEvent,
  type DataOf,
  type FilingForm,
} from '@beian/core';
import { fakeCloud, type FakeCloud } from '../../helpers/cloud';
import { openPage, tap } from '../../helpers/simulate';
import { enterpriseForm } from '../../fixtures/forms';
import { settle, text, type Rendered } from './page';
import { application, fail, ok, reviewDetail } from './fixtures';
import { fieldOptions, reviewSections } from '../../../miniprogram/admin/review/sections';
import { auditRows } from '../../../miniprogram/admin/review/trail';

type Detail = DataOf<'admin', 'filing.get'>;

/** Every cloud file id in a form, each given a short-lived URL as the server would. */
function mediaOf(form: FilingForm): Record<string, string> {
  const ids = JSON.stringify(form).match(/cloud:\/\/[^"]+/g) ?? [];
  return Object.fromEntries(
    ids.map((id) => [id, `https://tmp.example.com/${id.split('/').pop() ?? ''}?sign=1`]),
  );
}

const submitted: AuditEvent = {
  applicationId: 'app-1',
  at: '2026-05-04T06:30:00.000Z',
  actor: { kind: 'filer', openid: 'o-filer-a' },
  event: { type: 'submit' },
  from: 'draft',
  to: 'platform_review',
  requestId: 'r-1',
};

function detailOf(app: Application): Detail {
  return reviewDetail(app, {
    audit: [submitted],
    media: mediaOf(app.form),
    check: {
      errors: [],
      warnings: [
        {
          path: 'subject.principal.mobile',
          code: 'mobile.province',
          message: '手机号不属于备案省份，可能被要求说明。',
        },
      ],
    },
  });
}

function serve(current: () => Application, more: Parameters<FakeCloud['answer']>[0] = {}): FakeCloud {
  const cloud = fakeCloud({ admin: { 'filing.get': () => ok(detailOf(current())) } });
  cloud.answer(more);
  return cloud;
}

/** The application a decision moves: `start` until the move, then what the server's commit made of it. */
function moving(start: Application) {
  let current = start;
  return {
    now: () => current,
    /** Commits the move: the application moved on to `next`, at version 4. */
    to(next: Partial<Application>) {
      current = { ...current, version: 4, ...next };
      return ok({ filing: current });
    },
  };
}

function open(): Promise<Rendered> {
  return openPage('admin/review/index', { id: 'app-1' });
}

async function press(page: Rendered, selector: string): Promise<void> {
  tap(page, selector);
  await settle();
}

const enterprise = (overrides: Partial<Application> = {}) =>
  application({ form: enterpriseForm(), ...overrides });

afterEach(() => jest.restoreAllMocks());

describe('review view (pure)', () => {
  it('shows every section with labels, enumeration names, places and full ID numbers', () => {
    const form = enterpriseForm();
    const sections = reviewSections(form, mediaOf(form));
    expect(sections.map((section) => section.title)).toEqual([
      '主体信息',
      '主体负责人信息',
      '小程序信息',
      '小程序负责人信息',
      '其他材料',
    ]);
    const rows = sections.flatMap((section) => section.rows);
    const value = (path: string) => rows.find((row) => row.path === path)?.value;
    expect(value('subject.type')).toBe('企业');
    expect(value('subject.certificate.type')).toBe('营业执照（个人或企业）');
    expect(value('subject.region.district')).toBe('海淀区（110108）');
    expect(value('subject.principal.certificate.number')).toBe('110108198506112340');
    expect(value('subject.principal.isLegalRepresentative')).toBe('是');
    expect(value('miniprogram.preApprovals.0.type')).toBe('以上都不涉及');
    expect(value('miniprogram.serviceTypes')).toContain('软件开发');
    expect(rows.find((row) => row.path === 'subject.principal.mobile')?.label).toBe(
      fieldLabel('subject.principal.mobile'),
    );
    const licence = rows.find((row) => row.path === 'subject.certificate.photo');
    expect(licence?.images).toEqual([
      expect.objectContaining({ url: expect.stringContaining('licence.jpg?sign=1'), video: false }),
    ]);
    expect(rows.find((row) => row.path === 'subject.residencePermit')?.empty).toBe(true);
  });

  it('lets a reviewer pick every field by label, including a missing pre-approval', () => {
    const form = enterpriseForm();
    form.miniprogram.preApprovals = [];
    const options = fieldOptions(form);
    expect(options.find((option) => option.path === 'subject.principal.mobile')?.label).toBe(
      '主体负责人手机号码',
    );
    expect(options.some((option) => option.path === 'miniprogram.preApprovals.0.code')).toBe(true);
    expect(options.every((option) => option.label !== '')).toBe(true);
  });

  it('tells the audit trail in words, newest first', () => {
    const rejected: AuditEvent = {
      ...submitted,
      at: '2026-05-05T02:00:00.000Z',
      actor: { kind: 'admin', openid: 'o-admin', name: '李审' },
      event: {
        type: 'platform_reject',
        reasons: [{ field: 'subject.name', error: '与营业执照不一致', suggest: '' }],
      },
      from: 'platform_review',
      to: 'platform_rejected',
    };
    const [latest, first] = auditRows([submitted, rejected]);
    expect(latest).toMatchObject({
      actor: '审核员 李审',
      event: '平台初审驳回',
      move: `${STATE_INFO.platform_review.label} → ${STATE_INFO.platform_rejected.label}`,
      detail: `${fieldLabel('subject.name')}：与营业执照不一致`,
    });
    expect(first).toMatchObject({ at: '2026-05-04 14:30', actor: '申请人', event: '提交申请' });
  });
});

describe('审核详情 page', () => {
  it('renders the application, the check result and the audit trail', async () => {
    serve(() => enterprise());
    const page = await open();
    expect(text(page.querySelector('#state'))).toContain(STATE_INFO.platform_review.label);
    const subject = text(page.querySelector('#section-subject'));
    expect(subject).toContain('北京示例科技有限公司');
    expect(subject).toContain('91110108551385082Q');
    expect(subject).toContain('营业执照（个人或企业）');
    expect(text(page.querySelector('#section-subjectPrincipal'))).toContain('110108198506112340');
    expect(text(page.querySelector('#check'))).toContain('手机号不属于备案省份');
    expect(text(page.querySelector('#audit'))).toContain('提交申请');
    expect(page.querySelector('#section-subject')?.dom?.innerHTML).toContain('licence.jpg?sign=1');
  });

  it('previews a photo with all the application’s photos to swipe through', async () => {
    const preview = jest.spyOn(wx, 'previewImage');
    serve(() => enterprise());
    const page = await open();
    const licence = page
      .querySelectorAll('.photo')
      .find((photo) => photo.dom?.outerHTML.includes('licence.jpg'));
    expect(licence).toBeTruthy();
    licence?.querySelector('.van-image')?.dispatchEvent('tap');
    await settle();
    expect(preview).toHaveBeenCalledWith(
      expect.objectContaining({
        current: 'https://tmp.example.com/licence.jpg?sign=1',
        urls: expect.arrayContaining(['https://tmp.example.com/lisi-front.jpg?sign=1']),
      }),
    );
  });

  it('approves the platform review with the version seen', async () => {
    const app = moving(enterprise());
    const cloud = serve(app.now, {
      admin: { 'review.approve': () => app.to({ state: 'sms_verification' }) },
    });
    const page = await open();
    await press(page, '#approve');
    expect(cloud.callsOf('admin', 'review.approve')).toEqual([{ id: 'app-1', version: 3 }]);
    expect(text(page.querySelector('#state'))).toContain(STATE_INFO.sms_verification.label);
    expect(page.querySelector('#record-sms')).toBeTruthy();
  });

  it('rejects with reasons picked per field and sends their paths', async () => {
    const app = moving(enterprise());
    const cloud = serve(app.now, {
      admin: { 'review.reject': (params) => app.to({ state: 'platform_rejected', reasons: params.reasons }) },
    });
    const page = await open();
    await press(page, '#reject');
    const options = fieldOptions(app.now().form);
    const mobile = options.findIndex((option) => option.path === 'subject.principal.mobile');
    page.querySelector('#reasons >>> #pick-0')?.dispatchEvent('change', { detail: { value: mobile } });
    await settle();
    const input = page
      .querySelectorAll('#reasons >>> #error-0 >>> .van-field__control')
      .find((node) => node.dom?.tagName === 'WX-TEXTAREA');
    input?.dispatchEvent('input', { detail: { value: '手机号为空号' } });
    await settle();
    page.querySelector('#reasons >>> #send')?.querySelector('.van-button')?.dispatchEvent('tap');
    await settle();
    expect(cloud.callsOf('admin', 'review.reject')).toEqual([
      {
        id: 'app-1',
        version: 3,
        reasons: [{ field: 'subject.principal.mobile', error: '手机号为空号', suggest: '' }],
      },
    ]);
    expect(text(page.querySelector('#state'))).toContain(STATE_INFO.platform_rejected.label);
  });

  it('a long press on a field while reviewing adds a reason for it', async () => {
    serve(() => enterprise());
    const page = await open();
    const label = fieldLabel('subject.certificate.photo');
    page.instance.onFlagField({ currentTarget: { dataset: { path: 'subject.certificate.photo', label } } });
    await settle();
    expect(page.querySelector('#reasons')).toBeTruthy();
    expect(text(page.querySelector('#reasons'))).toContain(label);
  });

  it('refuses an empty rejection without calling the server', async () => {
    const cloud = serve(() => enterprise(), { admin: { 'review.reject': () => fail('VALIDATION', 'x') } });
    const page = await open();
    await press(page, '#reject');
    page.querySelector('#reasons >>> #send')?.querySelector('.van-button')?.dispatchEvent('tap');
    await settle();
    expect(cloud.callsOf('admin', 'review.reject')).toEqual([]);
    expect(text(page.querySelector('#reasons'))).toContain('请选择有问题的字段');
  });

  it('records the SMS check', async () => {
    const app = moving(
      enterprise({ state: 'sms_verification', sms: { firstSentAt: '2026-05-05T02:00:00.000Z', resends: 0 } }),
    );
    const cloud = serve(app.now, { admin: { 'sms.record': () => app.to({ state: 'authority_review' }) } });
    const page = await open();
    await press(page, '#record-sms');
    expect(cloud.callsOf('admin', 'sms.record')).toEqual([{ id: 'app-1', version: 3 }]);
    expect(page.querySelector('#authority-approve')).toBeTruthy();
  });

  it('refuses a malformed record number without calling the server', async () => {
    const cloud = serve(() => enterprise({ state: 'authority_review' }), {
      admin: { 'authority.approve': () => fail('VALIDATION', '不应被调用') },
    });
    const page = await open();
    page.instance.onRecordNumber({ detail: '京ICP备123号' });
    await press(page, '#authority-approve');
    expect(cloud.callsOf('admin', 'authority.approve')).toEqual([]);
    expect(text(page.querySelector('#record-number'))).toContain('备案号格式不正确');
  });

  it('approves at the authority with a well-formed record number', async () => {
    const app = moving(enterprise({ state: 'authority_review' }));
    const cloud = serve(app.now, {
      admin: {
        'authority.approve': (params) => app.to({ state: 'filed', recordNumber: params.recordNumber }),
      },
    });
    const page = await open();
    page.instance.onRecordNumber({ detail: ' 京ICP备2026059598号-1x ' });
    await press(page, '#authority-approve');
    expect(cloud.callsOf('admin', 'authority.approve')).toEqual([
      { id: 'app-1', version: 3, recordNumber: '京ICP备2026059598号-1X' },
    ]);
    expect(text(page.querySelector('#state'))).toContain(STATE_INFO.filed.label);
    expect(page.querySelector('#decision')).toBeFalsy();
  });

  it('offers the record’s own number for a change', async () => {
    serve(() =>
      enterprise({ state: 'authority_review', kind: 'change', recordNumber: '京ICP备2026059598号-1X' }),
    );
    const page = await open();
    expect(page.data.recordNumber).toBe('京ICP备2026059598号-1X');
  });

  it('a CONFLICT reloads the application and says so', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    const app = moving(enterprise());
    const cloud = serve(app.now, {
      admin: {
        'review.approve': () => {
          app.to({ state: 'withdrawn' }); // someone else moved it first
          return fail('CONFLICT', '申请已被更新。');
        },
      },
    });
    const page = await open();
    await press(page, '#approve');
    expect(cloud.callsOf('admin', 'filing.get')).toHaveLength(2);
    expect(text(page.querySelector('#state'))).toContain(STATE_INFO.withdrawn.label);
    expect(page.querySelector('#approve')).toBeFalsy();
    expect(toast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: expect.stringContaining('已重新加载') }),
    );
  });

  it('shows the server message when a decision is refused', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    serve(() => enterprise(), {
      admin: { 'review.approve': () => fail('INVALID_STATE', '申请已不在平台初审中。') },
    });
    const page = await open();
    await press(page, '#approve');
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '申请已不在平台初审中。' }));
  });
});
