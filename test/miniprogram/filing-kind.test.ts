import 'miniprogram-simulate';
import type { FilingSummary } from '@beian/core';
import { fakeCloud, type FakeCloud } from '../helpers/cloud';
import { render, sleep, tap } from '../helpers/simulate';
import { draft } from './components/helpers';

type Rendered = ReturnType<typeof render>;

function summary(overrides: Partial<FilingSummary>): FilingSummary {
  return {
    id: 'filed-1',
    kind: 'new',
    cancelScope: null,
    state: 'filed',
    version: 7,
    subjectName: '北京示例科技有限公司',
    miniprogramName: '示例企业协同办公',
    recordNumber: '京ICP备2026059598号-1X',
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-02-01T08:00:00.000Z',
    submittedAt: '2026-01-06T08:00:00.000Z',
    due: null,
    overdue: false,
    ...overrides,
  };
}

function kindCloud(items: FilingSummary[]): FakeCloud {
  return fakeCloud({
    filing: {
      'filing.list': () => ({ ok: true, data: { items, nextCursor: null } }),
      'draft.create': (params) => ({
        ok: true,
        data: {
          filing: draft({ id: 'new-draft', kind: params.kind, cancelScope: params.cancelScope ?? null }),
        },
      }),
    },
  });
}

async function openKindPage(): Promise<Rendered> {
  const page = render('pages/filing-kind/index');
  (page.instance as unknown as { onLoad(): void }).onLoad();
  for (let i = 0; i < 4; i += 1) await sleep(0);
  return page;
}

async function tapCell(page: Rendered, selector: string): Promise<void> {
  const cell = page.querySelector(`${selector} >>> .van-cell`);
  if (!cell) throw new Error(`no cell ${selector}`);
  cell.dispatchEvent('tap');
  for (let i = 0; i < 4; i += 1) await sleep(0);
}

const FILED = summary({});
const IN_REVIEW = summary({ id: 'pending-1', state: 'platform_review', miniprogramName: '审核中的小程序' });
const A_CHANGE = summary({ id: 'change-1', kind: 'change', miniprogramName: '一次变更' });

describe('选择备案类型', () => {
  afterEach(() => jest.restoreAllMocks());

  it('offers every kind with a line on when to use it', async () => {
    kindCloud([]);
    const page = await openKindPage();
    const text = page.dom?.textContent ?? '';
    for (const title of ['新增备案', '变更备案', '注销主体', '注销小程序', '取消接入'])
      expect(text).toContain(title);
    expect(text).toContain('原备案号继续有效');
    expect(text).toContain('不可撤销');
  });

  it('新增备案 creates a new draft and opens the form on it', async () => {
    const cloud = kindCloud([]);
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openKindPage();
    await tapCell(page, '#choice-new');
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([{ kind: 'new' }]);
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/filing-form/index?id=new-draft' }),
    );
  });

  it('变更备案 lists only filed records and starts the change from the one picked', async () => {
    const cloud = kindCloud([IN_REVIEW, FILED, A_CHANGE]);
    const page = await openKindPage();
    await tapCell(page, '#choice-change');
    const records = page.querySelectorAll('.record');
    expect(records).toHaveLength(1);
    expect(page.dom?.textContent).toContain('示例企业协同办公');
    expect(page.dom?.textContent).not.toContain('审核中的小程序');
    await tapCell(page, '.record');
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([{ kind: 'change', baseId: 'filed-1' }]);
  });

  it('注销小程序 starts a cancellation with its scope from the record picked', async () => {
    const cloud = kindCloud([FILED]);
    const page = await openKindPage();
    await tapCell(page, '#choice-miniprogram');
    await tapCell(page, '.record');
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([
      { kind: 'cancel', cancelScope: 'miniprogram', baseId: 'filed-1' },
    ]);
  });

  it('says why a change is impossible without a filed record', async () => {
    const cloud = kindCloud([IN_REVIEW]);
    const page = await openKindPage();
    await tapCell(page, '#choice-subject');
    expect(page.querySelector('#no-records')).toBeTruthy();
    expect(page.dom?.textContent).toContain('还没有已备案的小程序');
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([]);
  });

  it('offers 重试 when the filed records could not be read, and lists them once they can', async () => {
    const cloud = kindCloud([FILED]);
    jest.spyOn(wx, 'showToast');
    cloud.answer({
      filing: {
        'filing.list': () => ({
          ok: false,
          error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试。' },
        }),
      },
    });
    const page = await openKindPage();
    await tapCell(page, '#choice-change');
    expect(page.querySelector('#load-error')?.dom?.textContent).toContain('服务暂时不可用，请稍后重试。');
    expect(page.querySelector('.record')).toBeFalsy();
    cloud.answer({
      filing: { 'filing.list': () => ({ ok: true, data: { items: [FILED], nextCursor: null } }) },
    });
    tap(page, '#retry');
    for (let i = 0; i < 4; i += 1) await sleep(0);
    expect(page.querySelector('#load-error')).toBeFalsy();
    expect(page.querySelector('.record')).toBeTruthy();
    expect(cloud.callsOf('filing', 'filing.list')).toHaveLength(2);
  });

  it('a refused draft.create shows the server message and stays on the page', async () => {
    const cloud = kindCloud([]);
    cloud.answer({
      filing: {
        'draft.create': () => ({
          ok: false,
          error: { code: 'INVALID_STATE', message: '这个小程序已有一份未完成的备案申请，请先处理它。' },
        }),
      },
    });
    const showToast = jest.spyOn(wx, 'showToast');
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openKindPage();
    await tapCell(page, '#choice-new');
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '这个小程序已有一份未完成的备案申请，请先处理它。' }),
    );
    expect(redirectTo).not.toHaveBeenCalled();
    expect(page.instance.data.creating).toBe(false);
  });
});
