import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_INFO, type DataOf, type Envelope, type FilingSummary } from '@beian/core';
import { fakeCloud } from '../helpers/cloud';
import { MINIPROGRAM, openPage, type Rendered, settle, tap, tapRow, text } from '../helpers/simulate';
import { fail, ok, summary } from './admin/fixtures';
import { appendRows, filingRow } from '../../miniprogram/pages/filings/view';
import { listPatch } from '../../miniprogram/utils/set-data';

function pageJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(MINIPROGRAM, path), 'utf8')) as Record<string, unknown>;
}

async function open(): Promise<Rendered> {
  return openPage('pages/filings/index');
}

const first: FilingSummary[] = [
  summary({
    id: 'a3',
    miniprogramName: '记账本',
    state: 'platform_rejected',
    updatedAt: '2026-05-06T02:00:00.000Z',
  }),
  summary({ id: 'a2', miniprogramName: '读书会', state: 'filed', recordNumber: '京ICP备2026059598号-1X' }),
];
const second: FilingSummary[] = [
  summary({ id: 'a1', miniprogramName: '旧草稿', state: 'draft', kind: 'new' }),
];

afterEach(() => jest.restoreAllMocks());

describe('我的备案 rows (pure)', () => {
  it('shows a draft as a way back into the form and anything else as its progress', () => {
    expect(filingRow(summary({ id: 'd', state: 'draft' })).url).toBe('/pages/filing-form/index?id=d');
    expect(filingRow(summary({ id: 'p' })).url).toBe('/pages/progress/index?id=p');
  });

  it('colours the tag by state and names the kind of filing', () => {
    const row = filingRow(
      summary({ state: 'filed', kind: 'cancel', cancelScope: 'access', subjectName: '某公司' }),
    );
    expect(row).toMatchObject({
      tagType: 'success',
      stateLabel: STATE_INFO.filed.label,
      subtitle: '取消接入 · 某公司',
    });
    expect(filingRow(summary({ state: 'sms_timeout' })).tagType).toBe('danger');
    expect(filingRow(summary({ miniprogramName: '' })).title).toBe('未填写小程序名称');
  });

  it('does not repeat a row that moved into the next page', () => {
    const shown = first.map(filingRow);
    expect(appendRows(shown, [first[0] as FilingSummary, ...second]).map((row) => row.id)).toEqual(['a1']);
  });

  it('patches only the rows that changed or were added', () => {
    const rows = first.map(filingRow);
    const more = [...rows, ...second.map(filingRow)];
    expect(Object.keys(listPatch('rows', rows, more))).toEqual(['rows[2]']);
    expect(listPatch('rows', more, rows)).toEqual({ rows });
  });
});

describe('我的备案 page', () => {
  it('lists the applications newest first with a state tag each', async () => {
    const cloud = fakeCloud({ filing: { 'filing.list': () => ok({ items: first, nextCursor: null }) } });
    const page = await open();
    expect(cloud.callsOf('filing', 'filing.list')).toEqual([{ limit: 20 }]);
    const rows = page.querySelectorAll('.row');
    expect(rows.map((row) => text(row).includes('记账本'))).toEqual([true, false]);
    expect(text(page.querySelector('#row-a3'))).toContain(STATE_INFO.platform_rejected.label);
    expect(page.querySelector('#row-a3')?.dom?.innerHTML).toContain('van-tag--danger');
    expect(page.querySelector('#row-a2')?.dom?.innerHTML).toContain('van-tag--success');
    expect(text(page.querySelector('#row-a2'))).toContain('京ICP备2026059598号-1X');
    expect(text(page.querySelector('#footer'))).toContain('没有更多了');
  });

  it('loads the next page on reaching the bottom, sending only the new rows', async () => {
    const cloud = fakeCloud({
      filing: {
        'filing.list': (params) =>
          ok(
            params.cursor === 'c2' ? { items: second, nextCursor: null } : { items: first, nextCursor: 'c2' },
          ),
      },
    });
    const page = await open();
    expect(text(page.querySelector('#footer'))).toContain('上拉加载更多');
    const setData = jest.spyOn(page.instance, 'setData');
    page.instance.onReachBottom();
    await settle();
    expect(cloud.callsOf('filing', 'filing.list')).toEqual([{ limit: 20 }, { cursor: 'c2', limit: 20 }]);
    expect(page.querySelectorAll('.row')).toHaveLength(3);
    const appended = setData.mock.calls.flatMap(([data]) => Object.keys(data as object));
    expect(appended).toContain('rows[2]');
    expect(appended).not.toContain('rows');
    page.instance.onReachBottom();
    await settle();
    expect(cloud.callsOf('filing', 'filing.list')).toHaveLength(2); // no cursor left: nothing to load
  });

  it('pull to refresh reads the first page again and stops the spinner', async () => {
    expect(pageJson('pages/filings/index.json')).toMatchObject({ enablePullDownRefresh: true });
    let items = first;
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const cloud = fakeCloud({ filing: { 'filing.list': () => ok({ items, nextCursor: null }) } });
    const page = await open();
    items = [summary({ id: 'a4', miniprogramName: '新小程序', state: 'platform_review' }), ...first];
    await page.instance.onPullDownRefresh();
    await settle();
    expect(cloud.callsOf('filing', 'filing.list')).toHaveLength(2);
    expect(text(page.querySelectorAll('.row')[0])).toContain('新小程序');
    expect(page.querySelectorAll('.row')).toHaveLength(3);
    expect(stop).toHaveBeenCalled();
  });

  it('opens the progress page of a row', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    fakeCloud({ filing: { 'filing.list': () => ok({ items: first, nextCursor: null }) } });
    const page = await open();
    await tapRow(page, '#row-a2');
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/progress/index?id=a2' }));
  });

  it('shows an empty state with a way to start', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    fakeCloud({ filing: { 'filing.list': () => ok({ items: [], nextCursor: null }) } });
    const page = await open();
    expect(text(page.querySelector('#empty'))).toContain('还没有备案申请');
    tap(page, '#start');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/filing-kind/index' }));
  });

  it('shows the server message when the list cannot be read, and retries', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    let answer: Envelope<DataOf<'filing', 'filing.list'>> = fail(
      'UNAUTHENTICATED',
      '请在微信中打开小程序后重试。',
    );
    fakeCloud({ filing: { 'filing.list': () => answer } });
    const page = await open();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '请在微信中打开小程序后重试。' }));
    expect(text(page.querySelector('#load-error'))).toContain('请在微信中打开小程序后重试。');
    answer = ok({ items: first, nextCursor: null });
    tap(page, '#retry');
    await settle();
    expect(page.querySelectorAll('.row')).toHaveLength(2);
  });
});
