/**
 * A page that could not read what it shows says why, and offers 重试 when reading again could help
 * (partials/load-state.wxml): on 我的备案, 备案进度, the form, the 审核台 and 审核详情 alike.
 */
import type { Envelope, ErrorCode } from '@beian/core';
import { fakeCloud } from '../helpers/cloud';
import { openPage, settle, tap, type Rendered } from '../helpers/simulate';
import {
  application,
  counts,
  fail,
  filingDetail,
  ok,
  queueItem,
  reviewDetail,
  summary,
} from './admin/fixtures';
import { draft, draftDetail, leaveForms, openForm } from './components/helpers';

/** What the page's read answers now: the fault while there is one, else the page's content. */
type Fault = () => Envelope<never> | null;

interface PageCase {
  name: string;
  open(): Promise<Rendered>;
  serve(fault: Fault): void;
  /** Shown once the page has read what it shows. */
  content: string;
  /** An answer that reading the same thing again cannot change. */
  final: [ErrorCode, string];
}

const CASES: PageCase[] = [
  {
    name: '我的备案',
    open: () => openPage('pages/filings/index'),
    serve: (fault) =>
      fakeCloud({
        filing: { 'filing.list': () => fault() ?? ok({ items: [summary({ id: 'a1' })], nextCursor: null }) },
      }),
    content: '#row-a1',
    final: ['BAD_REQUEST', '参数有误。'],
  },
  {
    name: '备案进度',
    open: () => openPage('pages/progress/index', { id: 'app-1' }),
    serve: (fault) =>
      fakeCloud({ filing: { 'filing.get': () => fault() ?? ok(filingDetail(application())) } }),
    content: '.head',
    final: ['NOT_FOUND', '没有找到这份申请，可能已被删除。'],
  },
  {
    name: '填写备案信息',
    open: () => openForm({ id: 'app-1' }),
    serve: (fault) => fakeCloud({ filing: { 'filing.get': () => fault() ?? ok(draftDetail(draft())) } }),
    content: '.header',
    final: ['NOT_FOUND', '没有找到这份申请，可能已被删除。'],
  },
  {
    name: '审核台',
    open: () => openPage('admin/queue/index'),
    serve: (fault) =>
      fakeCloud({
        admin: {
          'queue.list': () =>
            fault() ?? ok({ items: [queueItem({ id: 'q1' })], nextCursor: null, counts: counts() }),
        },
      }),
    content: '#row-q1',
    final: ['FORBIDDEN', '只有管理员可以查看审核台。'],
  },
  {
    name: '审核详情',
    open: () => openPage('admin/review/index', { id: 'app-1' }),
    serve: (fault) =>
      fakeCloud({ admin: { 'filing.get': () => fault() ?? ok(reviewDetail(application())) } }),
    content: '.head',
    final: ['NOT_FOUND', '没有找到这份申请，可能已被删除。'],
  },
];

beforeEach(() => jest.spyOn(wx, 'showToast'));
afterEach(leaveForms);

describe.each(CASES)('$name', ({ open, serve, content, final }) => {
  it('offers 重试 when it could not be read, and shows the page once reading again succeeds', async () => {
    let fault: Envelope<never> | null = fail('INTERNAL', '服务暂时不可用，请稍后重试。');
    serve(() => fault);
    const page = await open();
    expect(page.querySelector('#load-error')?.dom?.textContent).toContain('服务暂时不可用，请稍后重试。');
    expect(page.querySelector(content)).toBeFalsy();
    fault = null;
    tap(page, '#retry');
    await settle();
    expect(page.querySelector('#load-error')).toBeFalsy();
    expect(page.querySelector(content)).toBeTruthy();
  });

  it('offers no 重试 when reading again cannot change the answer', async () => {
    serve(() => fail(...final));
    const page = await open();
    expect(page.querySelector('#load-error')?.dom?.textContent).toContain(final[1]);
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});

it.each([
  ['备案进度', 'pages/progress/index'],
  ['审核详情', 'admin/review/index'],
])('%s opened without an id says where to come in from, with no 重试', async (_name, path) => {
  fakeCloud();
  const page = await openPage(path);
  expect(page.querySelector('#load-error')?.dom?.textContent).toContain('重新进入');
  expect(page.querySelector('#retry')).toBeFalsy();
});
