/**
 * Issue 14: the pages that read from the server share one `load` status and one lifecycle
 * (miniprogram/utils/page-load.ts): read on load, again on every later show and on pull-down, and
 * 重试 after a failure. Shown here on 我的备案 and the 审核台, the two list pages, and held for
 * every page by the structure checks at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataOf, Envelope } from '@beian/core';
import { fakeCloud } from '../helpers/cloud';
import { MINIPROGRAM, render, settle } from '../helpers/simulate';
import { counts, fail, ok, summary } from './admin/fixtures';
import { instanceState } from '../../miniprogram/utils/page-load';

type Listing = Envelope<DataOf<'filing', 'filing.list'>>;

afterEach(() => jest.restoreAllMocks());

describe('a page of server data', () => {
  it('reads on load, not again on the show that follows it, and again on every later show', async () => {
    const cloud = fakeCloud({
      filing: { 'filing.list': () => ok({ items: [summary({})], nextCursor: null }) },
    });
    const page = render('pages/filings/index');
    page.instance.onLoad({});
    page.instance.onShow();
    await settle();
    expect(cloud.callsOf('filing', 'filing.list')).toHaveLength(1);
    page.instance.onShow();
    await settle();
    page.instance.onShow();
    await settle();
    expect(cloud.callsOf('filing', 'filing.list')).toHaveLength(3);
  });

  it('shows only the latest answer when a slow read is overtaken by a newer one', async () => {
    const answers: ((answer: Listing) => void)[] = [];
    fakeCloud({ filing: { 'filing.list': () => new Promise<Listing>((resolve) => answers.push(resolve)) } });
    const page = render('pages/filings/index');
    page.instance.onLoad({});
    page.instance.onShow();
    page.instance.onShow(); // the filer came back before the first read answered
    await settle();
    expect(answers).toHaveLength(2);
    answers[1]?.(ok({ items: [summary({ id: 'new', miniprogramName: '新的' })], nextCursor: null }));
    await settle();
    answers[0]?.(ok({ items: [summary({ id: 'old', miniprogramName: '旧的' })], nextCursor: null }));
    await settle();
    expect(page.querySelector('#row-new')).toBeTruthy();
    expect(page.querySelector('#row-old')).toBeFalsy();
  });

  it('shows the spinner while 重试 reads again, then the list instead of the failure', async () => {
    let answer: Listing = fail('INTERNAL', '服务暂时不可用，请稍后重试。');
    let release: () => void = () => undefined;
    fakeCloud({
      filing: {
        'filing.list': () => new Promise<Listing>((resolve) => (release = () => resolve(answer))),
      },
    });
    jest.spyOn(wx, 'showToast');
    const page = render('pages/filings/index');
    page.instance.onLoad({});
    release();
    await settle();
    expect(page.querySelector('#load-error')).toBeTruthy();
    answer = ok({ items: [summary({ id: 'a1' })], nextCursor: null });
    page.instance.onRetry();
    await settle();
    expect(page.querySelector('.load-state')).toBeTruthy();
    expect(page.querySelector('#load-error')).toBeFalsy();
    release();
    await settle();
    expect(page.querySelector('#row-a1')).toBeTruthy();
    expect(page.querySelector('.load-state')).toBeFalsy();
  });

  it('reads the 审核台 tab again when the reviewer comes back from a review, and on pull-down', async () => {
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const cloud = fakeCloud({
      admin: { 'queue.list': () => ok({ items: [], nextCursor: null, counts: counts() }) },
    });
    const page = render('admin/queue/index');
    page.instance.onLoad({});
    page.instance.onShow();
    await settle();
    page.instance.onShow();
    await page.instance.onPullDownRefresh();
    await settle();
    expect(cloud.callsOf('admin', 'queue.list')).toHaveLength(3);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

describe('state of an instance that is not rendered', () => {
  it('is made once per instance, on first use, and kept apart from other instances', () => {
    let made = 0;
    const local = instanceState(() => ({ made: (made += 1) }));
    const one = {};
    const other = {};
    expect(local(one)).toBe(local(one));
    expect(local(other).made).toBe(2);
    expect(local(one).made).toBe(1);
  });
});

describe('the pages keep to it', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : sources(path);
      return /\.(ts|wxml)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  }
  const files = sources(MINIPROGRAM).map((path) => ({
    path: relative(MINIPROGRAM, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('keeps per-instance state in instanceState, not in a WeakMap or WeakSet of its own', () => {
    const own = files.filter(
      (file) => file.path !== 'utils/page-load.ts' && /new Weak(Map|Set)\b/.test(file.text),
    );
    expect(own.map((file) => file.path)).toEqual([]);
  });

  it('keeps each view model beside its page, not in utils/ or a folder of views', () => {
    const apart = files.filter((file) => /^utils\/.*-view\.ts$|^admin\/view\//.test(file.path));
    expect(apart.map((file) => file.path)).toEqual([]);
  });

  it('shows every load status with partials/load-state.wxml, content only once ready', () => {
    const views = files.filter((file) => file.path.endsWith('.wxml') && /\bload\.status\b/.test(file.text));
    const own = views.filter(
      (file) =>
        file.path !== 'partials/load-state.wxml' &&
        (!file.text.includes('<template is="load-state"') ||
          /load\.status === '(loading|failed)'/.test(file.text)),
    );
    expect(views.length).toBeGreaterThanOrEqual(5);
    expect(own.map((file) => file.path)).toEqual([]);
  });

  it('has no `loading` flag or `loadError` text beside the load status', () => {
    const pairs = files.filter(
      (file) =>
        file.path !== 'utils/page-load.ts' &&
        (/\bloadError\b/.test(file.text) || /^\s*loading: (boolean|true|false)\b/m.test(file.text)),
    );
    expect(pairs.map((file) => file.path)).toEqual([]);
  });
});
