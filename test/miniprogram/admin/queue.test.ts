import { STATE_INFO, type FilingState, type QueueItem } from '@beian/core';
import { fakeCloud } from '../../helpers/cloud';
import { openPage, render, type Rendered, settle, tapRow, text } from '../../helpers/simulate';
import { counts, fail, ok, queueItem } from './fixtures';
import { appendQueueRows, queueRow, queueTabs, QUEUE_STATES } from '../../../miniprogram/admin/queue/view';

const COUNTS = counts({ platform_review: 2, sms_verification: 1, authority_review: 5, filed: 40, draft: 7 });

const overdue = queueItem({
  id: 'q1',
  miniprogramName: '超时的小程序',
  subjectName: '甲公司',
  overdue: true,
  due: { stage: 'platform_review', at: '2026-05-05T15:59:59.999Z' },
});
const onTime = queueItem({ id: 'q2', miniprogramName: '按时的小程序', subjectName: '乙公司' });

/**
 * Types into van-search's own input and presses the keyboard's search key. (The test renderer
 * lets the input's raw `confirm` cross component boundaries too, so one press may search twice
 * here; WeChat delivers it once.)
 */
async function search(page: Rendered, value: string): Promise<void> {
  const input = page
    .querySelectorAll('#search >>> .van-field__control')
    .find((node) => node.dom?.tagName === 'WX-INPUT');
  if (!input) throw new Error('no search input');
  input.dispatchEvent('input', { detail: { value } });
  input.dispatchEvent('confirm', { detail: { value } });
  await settle();
}

async function open(): Promise<Rendered> {
  return openPage('admin/queue/index');
}

afterEach(() => jest.restoreAllMocks());

describe('审核台 view (pure)', () => {
  it('has a tab per state reviewers deal with, each with its count, and none for drafts', () => {
    const tabs = queueTabs(COUNTS);
    expect(tabs.map((tab) => tab.state)).toEqual(QUEUE_STATES);
    expect(tabs.map((tab) => tab.state)).not.toContain('draft');
    // Beian's own pre-review (the WeChat channel) is the reviewers' first job, then WeChat's stages.
    expect(tabs[0]?.state).toBe('pre_review');
    expect(tabs.find((tab) => tab.state === 'platform_review')).toEqual({
      state: 'platform_review',
      count: 2,
      title: `${STATE_INFO.platform_review.label} 2`,
    });
  });

  it('marks an overdue row and shows the masked principal ID and mobile', () => {
    expect(queueRow(overdue)).toMatchObject({
      overdue: true,
      due: '2026-05-05 23:59',
      principal: '张三 110105********1239 138****8000',
      url: '/admin/review/index?id=q1',
    });
    expect(queueRow(onTime).overdue).toBe(false);
  });

  it('keeps the server order (overdue first) when appending pages, without repeats', () => {
    const rows = appendQueueRows([queueRow(overdue)], [overdue, onTime]);
    expect(rows.map((row) => row.id)).toEqual(['q1', 'q2']);
  });
});

describe('审核台 page', () => {
  it('opens on platform review with the counts in the tabs and overdue rows first and marked', async () => {
    const cloud = fakeCloud({
      admin: { 'queue.list': () => ok({ items: [overdue, onTime], nextCursor: null, counts: COUNTS }) },
    });
    const page = await open();
    expect(cloud.callsOf('admin', 'queue.list')).toEqual([{ state: 'platform_review', limit: 20 }]);
    expect(text(page.querySelector('#tab-platform_review'))).toBe(`${STATE_INFO.platform_review.label} 2`);
    expect(text(page.querySelector('#tab-authority_review'))).toBe(`${STATE_INFO.authority_review.label} 5`);
    expect(page.querySelector('#tab-draft')).toBeFalsy();
    const first = page.querySelector('#row-q1');
    expect(text(first)).toContain('超时的小程序');
    expect(text(first)).toContain('已超时');
    expect(text(page.querySelector('#row-q2'))).not.toContain('已超时');
    expect(text(first)).toContain('110105********1239 138****8000');
  });

  it('switches tabs and lists that state', async () => {
    const cloud = fakeCloud({
      admin: {
        'queue.list': (params) =>
          ok({
            items:
              params.state === 'authority_review'
                ? [queueItem({ id: 'q9', state: 'authority_review' })]
                : [overdue],
            nextCursor: null,
            counts: COUNTS,
          }),
      },
    });
    const page = await open();
    page.querySelector('#tab-authority_review')?.dispatchEvent('tap');
    await settle();
    expect(cloud.callsOf('admin', 'queue.list').map((call) => call.state)).toEqual([
      'platform_review',
      'authority_review',
    ]);
    expect(page.querySelector('#row-q9')).toBeTruthy();
    expect(page.querySelector('#row-q1')).toBeFalsy();
    expect(page.querySelector('#tab-authority_review')?.dom?.className).toContain('tab--active');
  });

  it('filters by channel within the tab, and waits for face verification in its own tab', async () => {
    const cloud = fakeCloud({
      admin: { 'queue.list': () => ok({ items: [overdue], nextCursor: null, counts: COUNTS }) },
    });
    const page = await open();
    page.querySelector('#channel-wechat')?.dispatchEvent('tap');
    await settle();
    page.querySelector('#tab-face_verification')?.dispatchEvent('tap');
    await settle();
    const calls = cloud.callsOf('admin', 'queue.list');
    expect(calls.map((call) => [call.state, call.channel])).toEqual([
      ['platform_review', undefined],
      ['platform_review', 'wechat'],
      ['face_verification', 'wechat'],
    ]);
    expect(page.querySelector('#channel-wechat')?.dom?.className).toContain('channel--active');
  });

  it('searches by subject or mini-program name within the tab', async () => {
    const cloud = fakeCloud({
      admin: {
        'queue.list': (params) =>
          ok({ items: params.query ? [onTime] : [overdue, onTime], nextCursor: null, counts: COUNTS }),
      },
    });
    const page = await open();
    await search(page, ' 乙公司 ');
    expect(cloud.callsOf('admin', 'queue.list')[1]).toEqual({
      state: 'platform_review',
      limit: 20,
      query: '乙公司',
    });
    expect(page.querySelector('#row-q1')).toBeFalsy();
    expect(page.querySelector('#row-q2')).toBeTruthy();
    page.instance.onClearSearch();
    await settle();
    expect(cloud.callsOf('admin', 'queue.list').at(-1)).toEqual({ state: 'platform_review', limit: 20 });
  });

  it('says so when nothing matches', async () => {
    fakeCloud({ admin: { 'queue.list': () => ok({ items: [], nextCursor: null, counts: COUNTS }) } });
    const page = await open();
    await search(page, '不存在的公司');
    expect(text(page.querySelector('#empty'))).toContain('没有匹配的申请');
  });

  it('loads the next page at the bottom with the cursor, keeping the tab and the search', async () => {
    const pageTwo: QueueItem[] = [queueItem({ id: 'q3', miniprogramName: '第二页' })];
    const cloud = fakeCloud({
      admin: {
        'queue.list': (params) =>
          ok(
            params.cursor
              ? { items: pageTwo, nextCursor: null, counts: COUNTS }
              : { items: [overdue, onTime], nextCursor: 'k2', counts: COUNTS },
          ),
      },
    });
    const page = await open();
    page.instance.onReachBottom();
    await settle();
    expect(cloud.callsOf('admin', 'queue.list')[1]).toEqual({
      state: 'platform_review',
      limit: 20,
      cursor: 'k2',
    });
    expect(page.querySelector('#row-q3')).toBeTruthy();
    expect(text(page.querySelector('#footer'))).toContain('没有更多了');
  });

  it('opens the review page of a row', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    fakeCloud({ admin: { 'queue.list': () => ok({ items: [overdue], nextCursor: null, counts: COUNTS }) } });
    const page = await open();
    await tapRow(page, '#row-q1');
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/review/index?id=q1' }));
  });

  it('shows the server message when a non-admin opens it', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    fakeCloud({ admin: { 'queue.list': () => fail('FORBIDDEN', '只有管理员可以查看审核台。') } });
    const page = await open();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '只有管理员可以查看审核台。' }));
    expect(text(page.querySelector('#load-error'))).toContain('只有管理员可以查看审核台。');
  });

  it('opens on the tab named in the link', async () => {
    const cloud = fakeCloud({
      admin: { 'queue.list': () => ok({ items: [], nextCursor: null, counts: COUNTS }) },
    });
    const page = render('admin/queue/index');
    const state: FilingState = 'sms_verification';
    page.instance.onLoad({ state });
    await settle();
    expect(cloud.callsOf('admin', 'queue.list')[0]).toMatchObject({ state: 'sms_verification' });
  });
});
