/**
 * The deployed functions end to end on the cloudbase adapters: the real `cloudfunctions/<name>`
 * entries with wx-server-sdk replaced by a double (the real SDK would try the network, and its
 * unhandled rejections fail jest). Identity comes from getWXContext only.
 */
import type { Envelope } from '@beian/core';
import { formFileIds } from '../../server/app/files';
import { personalForm } from '../fixtures/forms';
import type * as CloudDbDouble from './doubles/cloud-db';

type CloudDbModule = typeof CloudDbDouble;

const mockContext: { OPENID?: string; SOURCE?: string } = {};
const mockSend = jest.fn();
const mockTempUrls = jest.fn();
const mockDatabaseOptions: unknown[] = [];

jest.mock('wx-server-sdk', () => {
  const { fakeCloudDb } = jest.requireActual<CloudDbModule>('./doubles/cloud-db');
  const db = fakeCloudDb({ throwOnNotFound: false });
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: jest.fn(),
    getWXContext: () => ({ ...mockContext }),
    database: (options: unknown) => {
      mockDatabaseOptions.push(options);
      return db;
    },
    openapi: { subscribeMessage: { send: (params: unknown) => mockSend(params) } },
    getTempFileURL: (params: unknown) => mockTempUrls(params),
  };
});

process.env.BEIAN_OPERATOR_KEY = 'deployed-key-0123456789';
// Half-configured as a third-party platform: setup.run must name what is missing, and only that.
process.env.BEIAN_WECHAT_COMPONENT_APPID = 'wxcomponent0000001';
process.env.BEIAN_TEMPLATES = JSON.stringify({ progress: { templateId: 'tmpl-progress-real' } });

type Main = (event: unknown) => Promise<Envelope<Record<string, unknown>>>;
const load = (name: string): Main =>
  (jest.requireActual(`../../cloudfunctions/${name}/index`) as { main: Main }).main;

const operator = { name: '值班操作员', key: 'deployed-key-0123456789' };

function as(openid: string | null, source = 'wx_client'): void {
  mockContext.OPENID = openid ?? undefined;
  mockContext.SOURCE = openid ? source : undefined;
}

it('runs setup, a filing from draft to platform review, review and a message send', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const filing = load('filing');
  const admin = load('admin');
  const scheduler = load('scheduler');
  expect(mockDatabaseOptions[0]).toEqual({ throwOnNotFound: false });

  as(null);
  const setup = await admin({ action: 'setup.run', operator });
  expect(setup).toMatchObject({
    ok: true,
    data: {
      created: expect.arrayContaining(['applications', 'outbox', 'platform']),
      wechat: {
        configured: false,
        missingVariables: [
          'BEIAN_WECHAT_COMPONENT_APPSECRET',
          'BEIAN_WECHAT_MESSAGE_TOKEN',
          'BEIAN_WECHAT_ENCODING_AES_KEY',
        ],
      },
    },
  });
  expect(JSON.stringify(setup)).not.toContain('wxcomponent0000001');
  await admin({ action: 'admins.add', operator, openid: 'o-admin-1', name: '审核员甲' });

  mockTempUrls.mockImplementation(
    async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => ({
      fileList: fileList.map(({ fileID }) => ({
        fileID,
        tempFileURL: `https://tcb.example/${fileID.length}`,
        status: 0,
      })),
    }),
  );
  as('o-filer-a');
  const created = await filing({ action: 'draft.create', kind: 'new' });
  if (!created.ok) throw new Error(created.error.message);
  const draft = created.data.filing as { id: string; version: number };
  const form = personalForm();
  const unregistered = await filing({ action: 'draft.save', id: draft.id, version: 1, form });
  expect(unregistered).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  // The client registers each upload; the files of the form are then the filer's.
  for (const fileId of formFileIds(form)) {
    expect(await filing({ action: 'file.register', fileId })).toEqual({ ok: true, data: { fileId } });
  }
  // An OPENID in the event is ignored: the context says who calls.
  const saved = await filing({
    action: 'draft.save',
    id: draft.id,
    version: 1,
    form,
    userInfo: { openId: 'o-x' },
  });
  expect(saved).toMatchObject({ ok: true, data: { filing: { version: 2 } } });
  await filing({ action: 'subscription.record', results: { 'tmpl-progress-real': 'accept' } });
  const submitted = await filing({
    action: 'filing.submit',
    id: draft.id,
    version: 2,
    requestId: 'cloud-req-0001',
  });
  expect(submitted).toMatchObject({ ok: true, data: { filing: { state: 'platform_review' } } });

  as('o-filer-b');
  expect(await filing({ action: 'filing.get', id: draft.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });

  as('o-admin-1');
  mockTempUrls.mockClear();
  const review = await admin({ action: 'filing.get', id: draft.id });
  expect(review).toMatchObject({ ok: true });
  expect(mockTempUrls.mock.calls[0]?.[0].fileList[0]).toMatchObject({ maxAge: 600 });

  as(null, '');
  const error = Object.assign(
    new Error('errCode: 47003 | errMsg: argument invalid! data.thing1.value invalid'),
    {
      errCode: 47003,
      errMsg: 'argument invalid! data.thing1.value invalid',
    },
  );
  mockSend.mockRejectedValueOnce(error);
  const tick = await scheduler({ Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-11-02T02:00:00Z' });
  expect(tick).toMatchObject({ ok: true, data: { dispatch: { rejected: 1 } } });
  expect(mockSend.mock.calls[0]?.[0]).toMatchObject({
    touser: 'o-filer-a',
    templateId: 'tmpl-progress-real',
    miniprogramState: 'formal',
  });

  as('o-filer-a');
  expect(await scheduler({ action: 'tick' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
