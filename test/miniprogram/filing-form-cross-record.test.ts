/**
 * The cross-record findings on the form (docs/domain.md § Checks across fields and records): a
 * mobile another subject uses, warned of by `filing.check`, shows on its step like any other
 * warning (and stays while other fields are edited, since only the server can re-check it); a submit refused on the AppID (one open order) shows at the AppID and in the summary.
 */
import 'miniprogram-simulate';
import type { CheckReport } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { blur, fieldText, leaveForms, openDraft, settle, tap, type } from './components/helpers';

const MOBILE_TAKEN =
  '这个手机号已用于其他主体的备案，一个手机号只能用于一个主体：请换用负责人本人的其他手机号。';
const OPEN_ORDER =
  '你已有一条该小程序的申请「平台初审中」，同一小程序同时只能有一条进行中的申请：请在「我的备案」中继续办理或撤回它。';

const report = (warnings: CheckReport['warnings']): CheckReport => ({ errors: [], warnings, materials: [] });

describe('填写备案信息: findings across applications', () => {
  afterEach(leaveForms);

  it("shows filing.check's warning that another subject uses the mobile on its step, until that field is edited", async () => {
    const warning = { path: 'subject.principal.mobile', code: 'mobile.other_subject', message: MOBILE_TAKEN };
    const { page } = await openDraft(personalForm(), {
      step: 4,
      handlers: {
        filing: { 'filing.check': () => ({ ok: true, data: report([warning]) }) },
      },
    });
    expect(page.dom?.textContent).toContain(MOBILE_TAKEN);
    page.querySelector('#section >>> .summary__warning')?.dispatchEvent('click');
    await settle();
    expect(page.instance.data.active).toBe(1);
    const stepWarnings = () => page.querySelector('#step-warnings')?.dom?.textContent ?? '';
    expect(stepWarnings()).toContain(`主体负责人手机号码：${MOBILE_TAKEN}`);
    // Core cannot see other filings: editing another field on the step keeps the server's finding.
    type(page, 'subject.principal.email', 'zhang.san@example.com');
    blur(page, 'subject.principal.email');
    await settle();
    expect(stepWarnings()).toContain(MOBILE_TAKEN);
    type(page, 'subject.principal.mobile', '13300133000');
    blur(page, 'subject.principal.mobile');
    await settle();
    expect(stepWarnings()).not.toContain(MOBILE_TAKEN);
  });

  it('shows a submit refused for a second open order at the AppID and in the summary', async () => {
    const issue = { path: 'miniprogram.appid', code: 'miniprogram.open_order', message: OPEN_ORDER };
    jest
      .spyOn(wx, 'requestSubscribeMessage')
      .mockImplementation(((options: { success?: (result: Record<string, string>) => void }) =>
        setTimeout(() => options.success?.({ errMsg: 'requestSubscribeMessage:ok' }), 0)) as never);
    const { page } = await openDraft(personalForm(), {
      step: 4,
      handlers: {
        filing: {
          'filing.check': () => ({ ok: true, data: report([]) }),
          'subscription.record': () => ({ ok: true, data: { credits: {} } }),
          'filing.submit': () => ({
            ok: false,
            error: { code: 'VALIDATION', message: OPEN_ORDER, fields: [issue] },
          }),
        },
      },
    });
    tap(page, '#submit');
    await settle();
    expect(page.dom?.textContent).toContain(OPEN_ORDER);
    page.querySelector('#section >>> .summary__error >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    expect(page.instance.data.focusPath).toBe('miniprogram.appid');
    expect(fieldText(page, 'miniprogram.appid')).toContain(OPEN_ORDER);
  });
});
