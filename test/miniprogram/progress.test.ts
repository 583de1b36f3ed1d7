import {
  STATE_INFO,
  fieldLabel,
  type Application,
  type CancelScope,
  type DataOf,
  type FilingKind,
  type FilingState,
  type FilingView,
} from '@beian/core';
import { fakeCloud, type FakeCloud } from '../helpers/cloud';
import { openPage, sleep, tap, type Rendered } from '../helpers/simulate';
import { application, fail, filerView, filingDetail, ok } from './admin/fixtures';
import {
  actionButtons,
  etaText,
  reasonRows,
  smsView,
  timelineSteps,
  upcomingStates,
} from '../../miniprogram/pages/progress/view';
import { subscribeTemplateIds } from '../../miniprogram/utils/templates';
import { countdownText, beijingDateTime } from '../../miniprogram/utils/time';

type Detail = DataOf<'filing', 'filing.get'>;

const HOUR = 60 * 60 * 1000;

function text(page: Rendered, selector?: string): string {
  const node = selector ? page.querySelector(selector) : page;
  return node?.dom?.textContent?.replace(/\s+/g, ' ') ?? '';
}

/** Captured before any test fakes the timers: settling must wait on the real clock. */
const realSetTimeout = setTimeout;

/** Lets the fake cloud and the wx mocks (some answer on a timer) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    for (let j = 0; j < 10; j += 1) await Promise.resolve();
  }
}

function serve(detail: () => Detail, more: Parameters<FakeCloud['answer']>[0] = {}): FakeCloud {
  const cloud = fakeCloud({ filing: { 'filing.get': () => ok(detail()) } });
  cloud.answer(more);
  return cloud;
}

async function open(id = 'app-1'): Promise<Rendered> {
  return openPage('pages/progress/index', { id });
}

function moved(app: Application): { ok: true; data: { filing: FilingView } } {
  return { ok: true, data: { filing: filerView(app) } };
}

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('progress view (pure)', () => {
  it('says when an ETA was counted without holiday data', () => {
    expect(
      etaText({ stage: 'authority_review', earliest: '2027-01-04', latest: '2027-01-29', estimated: true }),
    ).toBe('预计（未含节假日安排） 2027-01-04 至 2027-01-29 完成');
    expect(
      etaText({ stage: 'platform_review', earliest: '2026-05-06', latest: '2026-05-06', estimated: false }),
    ).toBe('预计 2026-05-06 完成');
    expect(etaText(null)).toBe('');
  });

  it('lists the stages passed with Beijing times, the current one with its ETA, and the ones ahead', () => {
    const app = application();
    const eta = {
      stage: 'platform_review' as const,
      earliest: '2026-05-05',
      latest: '2026-05-06',
      estimated: false,
    };
    const { steps, active } = timelineSteps(app.timeline, app, eta);
    expect(steps.map((step) => step.text)).toEqual([
      STATE_INFO.draft.label,
      STATE_INFO.platform_review.label,
      STATE_INFO.sms_verification.label,
      STATE_INFO.authority_review.label,
      STATE_INFO.filed.label,
    ]);
    expect(active).toBe(1);
    // 2026-05-01T01:00Z is 09:00 in Beijing; 06:30Z is 14:30.
    expect(readable(steps[0]?.desc)).toBe('2026-05-01 09:00 至 2026-05-04 14:30');
    expect(readable(steps[1]?.desc)).toBe('2026-05-04 14:30 开始，预计 2026-05-05 至 2026-05-06 完成');
    // Each date and time is one unbreakable word: lines wrap between them only.
    expect(steps[0]?.desc).toBe('2026-\u206005-\u206001\u00a009:00 至 2026-\u206005-\u206004\u00a014:30');
    expect(steps[2]?.desc).toBe('');
  });

  it('ends a cancellation in 已注销, skips the SMS check for 取消接入, and shows nothing ahead once filed', () => {
    const ahead = (state: FilingState, kind: FilingKind, cancelScope: CancelScope | null = null) =>
      upcomingStates({ state, kind, cancelScope });
    expect(ahead('authority_review', 'cancel', 'subject')).toEqual(['cancelled']);
    expect(ahead('platform_review', 'cancel', 'access')).toEqual(['authority_review', 'cancelled']);
    expect(ahead('platform_review', 'cancel', 'miniprogram')).toEqual([
      'sms_verification',
      'authority_review',
      'cancelled',
    ]);
    expect(ahead('sms_timeout', 'new')).toEqual([
      'platform_review',
      'sms_verification',
      'authority_review',
      'filed',
    ]);
    expect(ahead('filed', 'new')).toEqual([]);
  });

  it('counts the SMS window from the first SMS, and knows the one resend is spent', () => {
    const now = Date.parse('2026-05-06T02:00:00.000Z');
    const first = new Date(now - 23 * HOUR).toISOString();
    const view = smsView({ state: 'sms_verification', sms: { firstSentAt: first, resends: 1 } }, now);
    expect(view).toMatchObject({ countdown: '01:00:00', expired: false, resendUsed: true });
    expect(view?.deadline).toBe(beijingDateTime(new Date(now + HOUR).toISOString()));
    expect(smsView({ state: 'platform_review', sms: null }, now)).toBeNull();
    expect(countdownText(1)).toBe('00:00:01');
    expect(countdownText(0)).toBe('00:00:00');
  });

  it('labels each rejection reason and links it to the form at that field', () => {
    const [row] = reasonRows('app-1', [
      { field: 'subject.principal.mobile', error: '号码停机', suggest: '换一个号码' },
    ]);
    expect(row).toEqual({
      field: 'subject.principal.mobile',
      label: fieldLabel('subject.principal.mobile'),
      error: '号码停机',
      suggest: '换一个号码',
      url: '/pages/filing-form/index?id=app-1&field=subject.principal.mobile',
    });
    expect(row?.label).not.toBe('');
  });

  it('offers only the buttons that fit, leaving the SMS moves to the SMS card', () => {
    expect(actionButtons(['sms.resend', 'sms.confirm', 'withdraw']).map((b) => b.action)).toEqual([
      'withdraw',
    ]);
    expect(actionButtons(['change', 'cancel']).map((b) => b.text)).toEqual(['变更备案', '注销备案']);
  });
});

describe('备案进度 page', () => {
  it('renders the state, what to do now and the timeline from the server answer', async () => {
    const eta = {
      stage: 'platform_review' as const,
      earliest: '2027-01-04',
      latest: '2027-01-05',
      estimated: true,
    };
    serve(() =>
      filingDetail(application(), { eta, todo: { title: '等待平台初审', detail: '请保持电话畅通。' } }),
    );
    const page = await open();
    const shown = text(page);
    expect(text(page, '#state')).toContain(STATE_INFO.platform_review.label);
    expect(shown).toContain('等待平台初审');
    expect(shown).toContain('请保持电话畅通。');
    expect(readable(shown)).toContain(
      '2026-05-04 14:30 开始，预计（未含节假日安排） 2027-01-04 至 2027-01-05 完成',
    );
    expect(shown).toContain(STATE_INFO.authority_review.label);
    expect(page.querySelector('#sms')).toBeFalsy();
  });

  it('shows the server message when the application cannot be read', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    fakeCloud({ filing: { 'filing.get': () => fail('NOT_FOUND', '没有找到这份申请，可能已被删除。') } });
    const page = await open('nope');
    expect(text(page, '#load-error')).toContain('没有找到这份申请，可能已被删除。');
    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '没有找到这份申请，可能已被删除。' }),
    );
  });

  it('lists rejection reasons by field label and opens the form at the field with 去修改', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const reasons = [
      { field: 'subject.principal.mobile', error: '手机号无法接通', suggest: '填写本人常用号码' },
      { field: 'miniprogram.comment', error: '备注过于笼统', suggest: '写明主要服务' },
    ];
    serve(() =>
      filingDetail(application({ state: 'platform_rejected', reasons }), { todo: { actions: ['edit'] } }),
    );
    const page = await open();
    const shown = text(page, '#reasons');
    expect(shown).toContain(fieldLabel('subject.principal.mobile'));
    expect(shown).toContain('手机号无法接通');
    expect(shown).toContain('建议：写明主要服务');
    const fixes = page.querySelectorAll('.fix');
    expect(fixes).toHaveLength(2);
    fixes[1]?.querySelector('.van-button')?.dispatchEvent('tap');
    await sleep(0);
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/filing-form/index?id=app-1&field=miniprogram.comment' }),
    );
  });

  it('reads the application again when the filer comes back to the page', async () => {
    let current = application({ state: 'platform_rejected' });
    const cloud = serve(() => filingDetail(current));
    const page = await open();
    page.instance.onShow(); // the first show follows the load
    await settle();
    expect(cloud.callsOf('filing', 'filing.get')).toHaveLength(1);
    current = application({ state: 'platform_review', version: 5 });
    page.instance.onHide();
    page.instance.onShow();
    await settle();
    expect(cloud.callsOf('filing', 'filing.get')).toHaveLength(2);
    expect(text(page, '#state')).toContain(STATE_INFO.platform_review.label);
  });

  it('shows the record number when filed and copies it', async () => {
    const clipboard = jest.spyOn(wx, 'setClipboardData');
    serve(() => filingDetail(application({ state: 'filed', recordNumber: '京ICP备2026059598号-1X' })));
    const page = await open();
    expect(text(page, '#record')).toContain('京ICP备2026059598号-1X');
    tap(page, '#copy-record');
    await settle();
    expect(clipboard).toHaveBeenCalledWith(expect.objectContaining({ data: '京ICP备2026059598号-1X' }));
  });
});

describe('工信部短信核验 on the progress page', () => {
  const start = Date.parse('2026-05-06T02:00:00.000Z');

  /** In the SMS window with this much time left by the clock now in force (faked or real). */
  function inSms(secondsLeft: number, resends = 0): Application {
    const firstSentAt = new Date(Date.now() - 24 * HOUR + secondsLeft * 1000).toISOString();
    return application({ state: 'sms_verification', sms: { firstSentAt, resends } });
  }

  it('counts down every second, sending only the countdown path, and stops at zero', async () => {
    jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    serve(() => filingDetail(inSms(3)));
    const page = await open();
    expect(text(page, '#countdown')).toBe('00:00:03');
    const setData = jest.spyOn(page.instance, 'setData');

    jest.advanceTimersByTime(1000);
    expect(text(page, '#countdown')).toBe('00:00:02');
    expect(setData).toHaveBeenCalledTimes(1);
    expect(setData).toHaveBeenLastCalledWith({ 'sms.countdown': '00:00:02' });

    jest.advanceTimersByTime(2000);
    expect(text(page, '#countdown')).toBe('00:00:00');
    expect(page.querySelector('#sms-expired')).toBeTruthy();
    const calls = setData.mock.calls.length;
    jest.advanceTimersByTime(10_000);
    expect(setData.mock.calls.length).toBe(calls);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops ticking when the page is hidden or closed, and catches up when shown again', async () => {
    jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    serve(() => filingDetail(inSms(3600)));
    const page = await open();
    expect(text(page, '#countdown')).toBe('01:00:00');
    page.instance.onHide();
    const setData = jest.spyOn(page.instance, 'setData');
    jest.advanceTimersByTime(5000);
    expect(setData).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);

    page.instance.onShow();
    jest.advanceTimersByTime(1000);
    expect(text(page, '#countdown')).toBe('00:59:54');
    page.instance.onUnload();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows what the SMS looks like and where to verify', async () => {
    const clipboard = jest.spyOn(wx, 'setClipboardData');
    serve(() => filingDetail(inSms(3600)));
    const page = await open();
    const shown = text(page, '#sms');
    expect(shown).toContain('12381');
    expect(shown).toContain('beian.miit.gov.cn');
    expect(shown).toContain('5 次');
    expect(shown).toContain('短信拦截');
    tap(page, '#copy-site');
    await settle();
    expect(clipboard).toHaveBeenCalledWith(expect.objectContaining({ data: 'https://beian.miit.gov.cn' }));
    page.instance.onUnload();
  });

  it('resends once with the version seen, then keeps 重新发送 disabled', async () => {
    let current = inSms(3600);
    const firstSentAt = current.sms?.firstSentAt ?? '';
    const cloud = serve(() => filingDetail(current), {
      filing: {
        'sms.resend': () => {
          current = { ...current, version: current.version + 1, sms: { firstSentAt, resends: 1 } };
          return moved(current);
        },
      },
    });
    const page = await open();
    expect(page.querySelector('#resend')?.dom?.innerHTML).not.toContain('van-button--disabled');
    tap(page, '#resend');
    await settle();
    expect(cloud.callsOf('filing', 'sms.resend')).toEqual([{ id: 'app-1', version: 3 }]);
    expect(text(page, '#resend')).toContain('已重新发送');
    expect(page.querySelector('#resend')?.dom?.innerHTML).toContain('van-button--disabled');
    tap(page, '#resend');
    await settle();
    expect(cloud.callsOf('filing', 'sms.resend')).toHaveLength(1);
    page.instance.onUnload();
  });

  it('我已完成核验 confirms with the version seen and shows the next state', async () => {
    let current = inSms(3600);
    const cloud = serve(() => filingDetail(current), {
      filing: {
        'sms.confirm': () => {
          current = { ...current, state: 'authority_review', version: 4, sms: null };
          return moved(current);
        },
      },
    });
    const page = await open();
    tap(page, '#confirm-sms');
    await settle();
    expect(cloud.callsOf('filing', 'sms.confirm')).toEqual([{ id: 'app-1', version: 3 }]);
    expect(text(page, '#state')).toContain(STATE_INFO.authority_review.label);
    expect(page.querySelector('#sms')).toBeFalsy();
  });
});

describe('subscribing to the next notices', () => {
  it('asks for the three notice templates in the tap and records the answers', async () => {
    const consent = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(((options: {
      tmplIds: string[];
      success?: (result: Record<string, string>) => void;
    }) => {
      options.success?.({ [options.tmplIds[0] ?? '']: 'accept', [options.tmplIds[1] ?? '']: 'reject' });
    }) as unknown as typeof wx.requestSubscribeMessage);
    const toast = jest.spyOn(wx, 'showToast');
    const cloud = serve(() => filingDetail(application()), {
      filing: { 'subscription.record': () => ok({ credits: {} }) },
    });
    const page = await open();
    tap(page, '#subscribe');
    await settle();
    const ids = subscribeTemplateIds();
    expect(ids).toHaveLength(3);
    expect(consent).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ids }));
    expect(cloud.callsOf('filing', 'subscription.record')).toEqual([
      { results: { [ids[0] ?? '']: 'accept', [ids[1] ?? '']: 'reject' } },
    ]);
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已订阅' }));
  });

  it('offers no subscription once the application is finished', async () => {
    serve(() => filingDetail(application({ state: 'withdrawn' })));
    const page = await open();
    expect(page.querySelector('#subscribe')).toBeFalsy();
  });
});

describe('moves from the progress page', () => {
  it('a CONFLICT on withdraw reloads the application and says so', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    let current = application();
    const cloud = serve(
      () =>
        filingDetail(current, { todo: { actions: current.state === 'platform_review' ? ['withdraw'] : [] } }),
      {
        filing: {
          'filing.withdraw': () => {
            current = {
              ...current,
              state: 'sms_verification',
              version: 5,
              sms: { firstSentAt: new Date().toISOString(), resends: 0 },
            };
            return fail('CONFLICT', '申请已被更新，请刷新后再试。');
          },
        },
      },
    );
    const page = await open();
    tap(page, '#action-withdraw');
    await settle();
    expect(cloud.callsOf('filing', 'filing.withdraw')).toEqual([{ id: 'app-1', version: 3 }]);
    expect(cloud.callsOf('filing', 'filing.get')).toHaveLength(2);
    expect(text(page, '#state')).toContain(STATE_INFO.sms_verification.label);
    expect(toast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: expect.stringContaining('已重新加载') }),
    );
    page.instance.onUnload();
  });

  it('a refused move shows the server message and keeps the page as it was', async () => {
    const toast = jest.spyOn(wx, 'showToast');
    serve(() => filingDetail(application(), { todo: { actions: ['withdraw'] } }), {
      filing: { 'filing.withdraw': () => fail('INVALID_STATE', '初审已通过，不能再撤回。') },
    });
    const page = await open();
    tap(page, '#action-withdraw');
    await settle();
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '初审已通过，不能再撤回。' }));
    expect(text(page, '#state')).toContain(STATE_INFO.platform_review.label);
  });

  it('resubmits after an SMS timeout: consent first, then one submit for a double tap', async () => {
    const consent = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(((options: {
      tmplIds: string[];
      success?: (result: Record<string, string>) => void;
    }) => {
      options.success?.(Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])));
    }) as unknown as typeof wx.requestSubscribeMessage);
    let current = application({ state: 'sms_timeout' });
    const cloud = serve(
      () => filingDetail(current, { todo: { actions: current.state === 'sms_timeout' ? ['submit'] : [] } }),
      {
        filing: {
          'subscription.record': () => ok({ credits: {} }),
          'filing.submit': () => {
            current = { ...current, state: 'platform_review', version: 4 };
            return moved(current);
          },
        },
      },
    );
    const page = await open();
    tap(page, '#action-submit');
    tap(page, '#action-submit');
    await settle();
    expect(consent).toHaveBeenCalled();
    const submits = cloud.callsOf('filing', 'filing.submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]).toEqual({ id: 'app-1', version: 3, requestId: expect.any(String) });
    const order = cloud.calls.map((call) => call.action);
    expect(order.indexOf('subscription.record')).toBeLessThan(order.indexOf('filing.submit'));
    expect(text(page, '#state')).toContain(STATE_INFO.platform_review.label);
  });

  it('starts a change of a filed record and opens its form', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const filed = application({ state: 'filed', recordNumber: '京ICP备2026059598号-1X' });
    const cloud = serve(() => filingDetail(filed, { todo: { actions: ['change', 'cancel'] } }), {
      filing: {
        'draft.create': () =>
          moved(application({ id: 'app-2', kind: 'change', state: 'draft', baseId: 'app-1' })),
      },
    });
    const page = await open();
    tap(page, '#action-change');
    await settle();
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([{ kind: 'change', baseId: 'app-1' }]);
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/filing-form/index?id=app-2' }),
    );
  });

  it('starts a cancellation with the scope picked from the sheet', async () => {
    jest.spyOn(wx, 'showActionSheet').mockImplementation((() =>
      Promise.resolve({
        tapIndex: 1,
        errMsg: 'showActionSheet:ok',
      })) as unknown as typeof wx.showActionSheet);
    const filed = application({ state: 'filed', recordNumber: '京ICP备2026059598号-1X' });
    const cloud = serve(() => filingDetail(filed, { todo: { actions: ['change', 'cancel'] } }), {
      filing: { 'draft.create': () => moved(application({ id: 'app-3', kind: 'cancel', state: 'draft' })) },
    });
    const page = await open();
    tap(page, '#action-cancel');
    await settle();
    expect(cloud.callsOf('filing', 'draft.create')).toEqual([
      { kind: 'cancel', cancelScope: 'miniprogram', baseId: 'app-1' },
    ]);
  });
});

/** The text as a reader sees it: word joiners invisible, no-break spaces as spaces. */
function readable(text: string | undefined): string {
  return (text ?? '').replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
}
