/**
 * The emulated WeChat side of subscribe messages: each answer `subscribeMessage.send` would give
 * (40037, 41030, 47003, 43101), one credit per accepted tap, and a ledger that survives a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubscribeMessage } from '@beian/core';
import { appPages } from '../../local/app-pages';
import { LocalMessenger, UnknownTemplateError } from '../../local/messenger';

const NOW = new Date('2026-11-02T02:00:00.000Z');
const USER = 'o-filer-a';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'beian-messenger-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function messenger(): LocalMessenger {
  return new LocalMessenger({
    file: join(dir, 'wechat.json'),
    clock: { now: () => NOW },
    templateIds: ['tmpl-progress', 'tmpl-result'],
    pages: appPages(),
  });
}

function message(overrides: Partial<SubscribeMessage> = {}): SubscribeMessage {
  return {
    touser: USER,
    templateId: 'tmpl-progress',
    page: 'pages/progress/index?id=app-1',
    data: {
      thing1: { value: '三哥记账本' },
      phrase2: { value: '平台初审中' },
      time3: { value: '2026年11月2日 10:00' },
    },
    ...overrides,
  };
}

describe('the local messenger', () => {
  it('delivers one message per accepted consent, then answers 43101', async () => {
    const wechat = messenger();
    expect(wechat.subscribe(USER, { 'tmpl-progress': 'accept', 'tmpl-result': 'reject' })).toEqual({
      'tmpl-progress': 1,
    });
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    expect(await wechat.send(message())).toEqual({ ok: true });
    expect(await wechat.send(message())).toEqual({ ok: true });
    expect(await wechat.send(message())).toEqual({
      ok: false,
      errCode: 43101,
      errMsg: 'user refuse to accept the msg',
    });
    expect(await wechat.send(message({ templateId: 'tmpl-result' }))).toMatchObject({
      ok: false,
      errCode: 43101,
    });
    expect(wechat.creditsOf(USER)).toEqual({ 'tmpl-progress': 0 });
  });

  it('keeps credits per user: another user has none', async () => {
    const wechat = messenger();
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    expect(await wechat.send(message({ touser: 'o-filer-b' }))).toMatchObject({ ok: false, errCode: 43101 });
    expect(wechat.creditsOf(USER)).toEqual({ 'tmpl-progress': 1 });
  });

  it('answers 40037 for a template the mini-program does not have', async () => {
    const wechat = messenger();
    expect(await wechat.send(message({ templateId: 'tmpl-unknown' }))).toEqual({
      ok: false,
      errCode: 40037,
      errMsg: 'invalid template_id',
    });
  });

  it('answers 41030 for a page that is not in app.json, and accepts subpackage pages', async () => {
    const wechat = messenger();
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    expect(await wechat.send(message({ page: 'pages/nowhere/index?id=1' }))).toMatchObject({
      ok: false,
      errCode: 41030,
    });
    expect(await wechat.send(message({ page: 'admin/review/index?id=1' }))).toEqual({ ok: true });
  });

  it('answers 47003 naming the keyword whose value its type does not allow', async () => {
    const wechat = messenger();
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    const tooLong = message({ data: { ...message().data, phrase2: { value: '通管局审核中' } } });
    expect(await wechat.send(tooLong)).toEqual({
      ok: false,
      errCode: 47003,
      errMsg: 'argument invalid! data.phrase2.value invalid',
    });
    const empty = message({ data: { ...message().data, thing1: { value: ' ' } } });
    expect(await wechat.send(empty)).toMatchObject({
      errCode: 47003,
      errMsg: 'argument invalid! data.thing1.value empty',
    });
  });

  it('spends no credit on a refused message', async () => {
    const wechat = messenger();
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    await wechat.send(message({ page: 'pages/nowhere/index' }));
    expect(wechat.creditsOf(USER)).toEqual({ 'tmpl-progress': 1 });
    expect(await wechat.send(message())).toEqual({ ok: true });
  });

  it('records every answer, newest last, with the payload', async () => {
    const wechat = messenger();
    wechat.subscribe(USER, { 'tmpl-progress': 'accept' });
    await wechat.send(message());
    await wechat.send(message());
    expect(wechat.messages()).toEqual([
      { seq: 1, at: NOW.toISOString(), ...message(), outcome: 'sent', errCode: 0, errMsg: 'ok' },
      {
        seq: 2,
        at: NOW.toISOString(),
        ...message(),
        outcome: 'refused',
        errCode: 43101,
        errMsg: 'user refuse to accept the msg',
      },
    ]);
    expect(wechat.messages('o-filer-b')).toEqual([]);
  });

  it('refuses consent for a template the mini-program does not have (20001)', () => {
    expect(() => messenger().subscribe(USER, { 'tmpl-x': 'accept' })).toThrow(UnknownTemplateError);
  });

  it('keeps credits and the log across a restart', async () => {
    const first = messenger();
    first.subscribe(USER, { 'tmpl-progress': 'accept', 'tmpl-result': 'accept' });
    await first.send(message());
    const second = messenger();
    expect(second.creditsOf(USER)).toEqual({ 'tmpl-progress': 0, 'tmpl-result': 1 });
    expect(second.messages()).toHaveLength(1);
    await second.send(message({ templateId: 'tmpl-result', data: { thing1: { value: '三哥记账本' } } }));
    expect(second.messages().map((m) => m.seq)).toEqual([1, 2]);
  });
});
