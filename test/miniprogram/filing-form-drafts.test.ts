import 'miniprogram-simulate';
import { emptyForm, type Envelope, type FilingForm, type FilingView } from '@beian/core';
import { fakeCloud } from '../helpers/cloud';
import { pathSegments, readPath } from '@beian/core';
import { DraftSaver, patchKey } from '../../miniprogram/services/drafts';
import { draft } from './components/helpers';

type SaveParams = { id: string; version: number; patch?: Record<string, unknown> };

/** A server whose saves answer when the test says so, bumping the version each time. */
function slowServer() {
  let version = 1;
  const pending: (() => void)[] = [];
  const saves: SaveParams[] = [];
  fakeCloud({
    filing: {
      'draft.save': (params) =>
        new Promise<Envelope<{ filing: FilingView }>>((resolve) => {
          saves.push(params);
          pending.push(() => {
            version += 1;
            resolve({ ok: true, data: { filing: draft({ version }) } });
          });
        }),
    },
  });
  return { saves, answerNext: () => pending.shift()?.() };
}

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DraftSaver', () => {
  it('reads both path notations and saves list items as the whole list', () => {
    expect(pathSegments('miniprogram.preApprovals[1].code')).toEqual([
      'miniprogram',
      'preApprovals',
      '1',
      'code',
    ]);
    expect(patchKey('miniprogram.preApprovals.1.code')).toBe('miniprogram.preApprovals');
    expect(patchKey('subject.principal.mobile')).toBe('subject.principal.mobile');
    const form = emptyForm();
    form.miniprogram.preApprovals = [{ type: 1, code: '京-1号', media: '' }];
    expect(readPath(form, 'miniprogram.preApprovals[0].code')).toBe('京-1号');
    expect(readPath(form, 'subject.nothing.here')).toBeUndefined();
  });

  it('runs one save at a time: what is typed during a save goes next, with the version it answered', async () => {
    const server = slowServer();
    const form: FilingForm = emptyForm();
    const saver = new DraftSaver({ id: 'app-1', version: 1, read: () => form, delayMs: 10_000 });
    form.subject.name = '张三';
    saver.touch('subject.name');
    const first = saver.flush();
    await flushPromises();
    form.subject.address = '高碑店路181号';
    saver.touch('subject.address');
    const second = saver.flush();
    await flushPromises();
    expect(server.saves).toHaveLength(1);
    server.answerNext();
    await first;
    await flushPromises();
    server.answerNext();
    await expect(second).resolves.toBe(true);
    expect(server.saves).toEqual([
      { id: 'app-1', version: 1, patch: { 'subject.name': '张三' } },
      { id: 'app-1', version: 2, patch: { 'subject.address': '高碑店路181号' } },
    ]);
    saver.dispose();
  });

  it('sends a list whole and a block once, whatever was touched inside them', async () => {
    const saves: SaveParams[] = [];
    fakeCloud({
      filing: {
        'draft.save': (params) => {
          saves.push(params);
          return { ok: true, data: { filing: draft({ version: params.version + 1 }) } };
        },
      },
    });
    const form = emptyForm();
    form.miniprogram.preApprovals = [{ type: 1, code: '京-1号', media: '' }];
    form.subject.region = { province: '110000', city: '110100', district: '110105' };
    const saver = new DraftSaver({ id: 'app-1', version: 3, read: () => form });
    saver.touch('miniprogram.preApprovals.0.code');
    saver.touch('subject.region.city');
    saver.touch('subject.region');
    await saver.flush();
    expect(saves).toEqual([
      {
        id: 'app-1',
        version: 3,
        patch: {
          'miniprogram.preApprovals': [{ type: 1, code: '京-1号', media: '' }],
          'subject.region': { province: '110000', city: '110100', district: '110105' },
        },
      },
    ]);
    saver.dispose();
  });

  it('keeps what failed to save for the next attempt', async () => {
    let fail = true;
    const saves: SaveParams[] = [];
    fakeCloud({
      filing: {
        'draft.save': (params) => {
          saves.push(params);
          if (fail)
            return { ok: false, error: { code: 'INTERNAL', message: '网络异常，请检查网络后重试。' } };
          return { ok: true, data: { filing: draft({ version: 2 }) } };
        },
      },
    });
    const form = emptyForm();
    form.subject.name = '张三';
    const failed = jest.fn();
    const saver = new DraftSaver({ id: 'app-1', version: 1, read: () => form, onFailed: failed });
    saver.touch('subject.name');
    await expect(saver.flush()).resolves.toBe(false);
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ code: 'INTERNAL' }));
    expect(saver.unsaved).toEqual(['subject.name']);
    fail = false;
    await expect(saver.flush()).resolves.toBe(true);
    expect(saves[1]).toEqual({ id: 'app-1', version: 1, patch: { 'subject.name': '张三' } });
    expect(saver.unsaved).toEqual([]);
    saver.dispose();
  });
});
