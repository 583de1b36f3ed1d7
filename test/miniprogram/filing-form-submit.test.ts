import 'miniprogram-simulate';
import type { CheckReport } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import {
  atStep,
  draft,
  draftCloud,
  fieldText,
  leaveForms,
  openForm,
  SERVER_TEMPLATE_IDS,
  settle,
  tap,
} from './components/helpers';

/** The server's configured ids (from session.get), not the client's built-in defaults. */
const TEMPLATE_IDS = SERVER_TEMPLATE_IDS;

const CLEAN: CheckReport = {
  errors: [],
  warnings: [],
  materials: [
    {
      path: 'materials.commitmentLetter',
      label: '互联网信息服务承诺书',
      required: false,
      reason: '部分省份通管局要求提供',
      max: 1,
      provided: 1,
    },
  ],
};

type SubscribeOptions = { tmplIds: string[]; success?: (result: Record<string, string>) => void };

/** The filer accepts every template the sheet offers. */
function acceptingSubscriptions() {
  return jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(((options: SubscribeOptions) => {
    const answers: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of options.tmplIds) answers[id] = 'accept';
    setTimeout(() => options.success?.(answers), 0);
  }) as unknown as typeof wx.requestSubscribeMessage);
}

/** The form opens on its last step, the summary with 提交. */
const atSummary = (): void => atStep(4);

function submittingCloud(report: CheckReport = CLEAN) {
  return draftCloud(draft({}, personalForm()), {
    filing: {
      'filing.check': () => ({ ok: true, data: report }),
      'subscription.record': (params) => ({
        ok: true,
        data: { credits: Object.fromEntries(Object.keys(params.results).map((id) => [id, 1])) },
      }),
      'filing.submit': () => ({
        ok: true,
        data: { filing: draft({ state: 'platform_review', version: 2 }) },
      }),
    },
  });
}

describe('填写备案信息: submitting', () => {
  afterEach(leaveForms);

  it('asks consent for the built-in template ids when the session could not be loaded', async () => {
    const cloud = submittingCloud();
    cloud.answer({
      filing: { 'session.get': () => ({ ok: false, error: { code: 'INTERNAL', message: '暂不可用' } }) },
    });
    atSummary();
    const consent = acceptingSubscriptions();
    const page = await openForm({ id: 'app-1' });
    (page.instance as unknown as { onSubmit(): void }).onSubmit();
    expect(consent.mock.calls[0]?.[0]).toEqual(
      expect.objectContaining({ tmplIds: ['REPLACE-ME-progress', 'REPLACE-ME-result', 'REPLACE-ME-todo'] }),
    );
    await settle();
  });

  it('a double tap asks consent in the tap, records it, then submits once with one request id', async () => {
    const cloud = submittingCloud();
    atSummary();
    const consent = acceptingSubscriptions();
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openForm({ id: 'app-1' });
    expect(page.instance.data.active).toBe(4);
    expect(page.dom?.textContent).toContain('检查通过，可以提交');

    const onSubmit = () => (page.instance as unknown as { onSubmit(): void }).onSubmit();
    onSubmit();
    // Synchronously inside the tap handler: after an await WeChat would refuse to show the sheet.
    expect(consent).toHaveBeenCalledTimes(1);
    expect(consent.mock.calls[0]?.[0]).toEqual(expect.objectContaining({ tmplIds: TEMPLATE_IDS }));
    // The second tap of a double tap, through the button and straight into the handler.
    tap(page, '#submit');
    onSubmit();
    await settle();

    expect(consent).toHaveBeenCalledTimes(1);
    const submits = cloud.callsOf('filing', 'filing.submit');
    expect(submits).toEqual([{ id: 'app-1', version: 1, requestId: expect.stringMatching(/\S{8,}/) }]);
    expect(cloud.callsOf('filing', 'subscription.record')).toEqual([
      {
        results: Object.fromEntries(TEMPLATE_IDS.map((id) => [id, 'accept'])),
      },
    ]);
    const order = cloud.calls.map((call) => call.action);
    expect(order.indexOf('subscription.record')).toBeLessThan(order.indexOf('filing.submit'));
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/progress/index?id=app-1' }),
    );
  });

  it('blocks submission while the check finds errors, and each error leads to its field', async () => {
    const cloud = submittingCloud({
      ...CLEAN,
      errors: [
        {
          path: 'subject.principal.mobile',
          code: 'mobile.invalid',
          message: '主体负责人手机号码应为11位中国大陆手机号码',
        },
      ],
    });
    atSummary();
    const consent = acceptingSubscriptions();
    const page = await openForm({ id: 'app-1' });
    expect(page.dom?.textContent).toContain('还有 1 项必须修改');
    tap(page, '#submit');
    await settle();
    expect(consent).not.toHaveBeenCalled();
    expect(cloud.callsOf('filing', 'filing.submit')).toEqual([]);

    const row = page.querySelector('#section >>> .summary__error >>> .van-cell');
    row?.dispatchEvent('tap');
    await settle();
    expect(page.instance.data.active).toBe(1);
    expect(page.instance.data.focusPath).toBe('subject.principal.mobile');
    expect(fieldText(page, 'subject.principal.mobile')).toContain(
      '主体负责人手机号码应为11位中国大陆手机号码',
    );
  });

  it('marks a step that still holds must-fix items on the step bar, never as done', async () => {
    submittingCloud({
      ...CLEAN,
      errors: [
        { path: 'subject.principal.mobile', code: 'mobile.invalid', message: '手机号码应为11位' },
        { path: 'subject.principal.email', code: 'email.invalid', message: '邮箱格式不正确' },
      ],
    });
    atSummary();
    const page = await openForm({ id: 'app-1' });
    const steps = page.instance.data.steps as { text: string; desc?: string; inactiveIcon?: string }[];
    expect(steps[1]).toMatchObject({ text: '主体负责人', desc: '2 项待改', inactiveIcon: 'warning' });
    expect(steps[0]?.inactiveIcon).toBeUndefined();
    expect(page.querySelector('#steps')?.dom?.textContent ?? page.dom?.textContent).toContain('2 项待改');
  });

  it("a refused submit shows the server's message, keeps the form, and a retry is a new intent", async () => {
    const cloud = submittingCloud();
    cloud.answer({
      filing: {
        'filing.submit': () => ({
          ok: false,
          error: { code: 'INVALID_STATE', message: '这份申请已提交，正在平台初审中，无需重复提交。' },
        }),
      },
    });
    atSummary();
    acceptingSubscriptions();
    const showToast = jest.spyOn(wx, 'showToast');
    const page = await openForm({ id: 'app-1' });
    tap(page, '#submit');
    await settle();
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '这份申请已提交，正在平台初审中，无需重复提交。' }),
    );
    expect(page.instance.data.submitting).toBe(false);
    expect(page.instance.data.form.subject.name).toBe('张三');
    tap(page, '#submit');
    await settle();
    const [first, second] = cloud.callsOf('filing', 'filing.submit');
    expect(second?.requestId).not.toBe(first?.requestId);
  });

  it('a submit lost on the network is retried with the same request id', async () => {
    const cloud = submittingCloud();
    let attempts = 0;
    cloud.answer({
      filing: {
        'filing.submit': () => {
          attempts += 1;
          if (attempts === 1) throw new Error('network down');
          return { ok: true, data: { filing: draft({ state: 'platform_review', version: 2 }) } };
        },
      },
    });
    atSummary();
    acceptingSubscriptions();
    const page = await openForm({ id: 'app-1' });
    tap(page, '#submit');
    await settle();
    expect(page.instance.data.submitting).toBe(false);
    tap(page, '#submit');
    await settle();
    const [first, second] = cloud.callsOf('filing', 'filing.submit');
    expect(second?.requestId).toBe(first?.requestId);
  });
});

describe('填写备案信息: 去修改 from a rejection reason', () => {
  afterEach(leaveForms);

  it('opens the step holding the field, marks it and shows the reviewer’s reason there', async () => {
    draftCloud(
      draft(
        {
          state: 'platform_rejected',
          reasons: [
            {
              field: 'subject.principal.mobile',
              error: '手机号码与负责人实名信息不符',
              suggest: '请填写负责人本人实名登记的手机号码',
            },
          ],
        },
        personalForm(),
      ),
    );
    const page = await openForm({ id: 'app-1', field: 'subject.principal.mobile' });
    expect(page.instance.data.active).toBe(1);
    expect(page.instance.data.stepTitle).toBe('主体负责人');
    const field = page.querySelector('#section >>> #f-subject-principal-mobile');
    expect(field?.dom?.className).toContain('text-field--focus');
    expect(fieldText(page, 'subject.principal.mobile')).toContain('审核意见：手机号码与负责人实名信息不符');
    expect(fieldText(page, 'subject.principal.mobile')).toContain('请填写负责人本人实名登记的手机号码');
    // Other fields are not marked.
    expect(page.querySelector('#section >>> #f-subject-principal-email')?.dom?.className).not.toContain(
      '--focus',
    );
    expect(page.dom?.textContent).toContain('有 1 项需要按审核意见修改');
  });

  it('an application under review is not editable here', async () => {
    draftCloud(draft({ state: 'platform_review' }, personalForm()));
    const page = await openForm({ id: 'app-1' });
    expect(page.dom?.textContent).toContain('当前为“平台初审中”，不能修改');
    expect(page.querySelector('#section')).toBeFalsy();
  });
});
