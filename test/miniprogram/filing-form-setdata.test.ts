import 'miniprogram-simulate';
import { writePath, type CheckReport } from '@beian/core';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { blur, fieldText, leaveForms, openDraft, settle, tap, type } from './components/helpers';
import { fromVant, installSetDataLog, ours, perInstance, type SetDataCall } from './components/set-data-log';

/**
 * What the filing form sends through setData as the filer types and moves between steps
 * (docs/benchmarks.md findings 2 and 3): a keystroke is the page's one path, and a new step costs
 * about one setData per field. Every component's setData is logged, Vant's included.
 */
const log = installSetDataLog();
afterAll(() => log.uninstall());

afterEach(leaveForms);

const pageCalls = (calls: readonly SetDataCall[]) =>
  calls.filter((call) => call.component === 'pages/filing-form/index');

describe('填写备案信息: one typed character', () => {
  it('sends the page’s one path and nothing from the subject section or its selects', async () => {
    const form = personalForm();
    form.subject.address = '';
    const { page } = await openDraft(form);
    const calls = await log.during(async () => {
      type(page, 'subject.address', '高');
      await settle();
    });
    expect(pageCalls(calls).map((call) => call.keys)).toEqual([['form.subject.address']]);
    expect(ours(calls)).toEqual([]);
    // Vant's van-field echoes the typed value into its own input, and no other Vant component moves.
    expect(perInstance(fromVant(calls)).size).toBeLessThanOrEqual(1);
    expect(page.instance.data.form.subject.address).toBe('高');
  });

  // An organisation's draft, typing into an emptied field beside a certificate select that shows.
  it.each([
    {
      name: 'sends nothing from the sections for an organisation, with its certificate select showing',
      step: undefined,
      path: 'subject.address',
      typed: '高碑',
      select: { path: 'subject.certificate.type', shows: '营业执照' },
    },
    {
      name: 'sends nothing from the principal section or the person’s certificate select',
      step: 1,
      path: 'subject.principal.mobile',
      typed: '1',
      select: { path: 'subject.principal.certificate.type', shows: '居民身份证' },
    },
  ])('$name', async ({ step, path, typed, select }) => {
    const form = enterpriseForm();
    writePath(form, path, '');
    const { page } = await openDraft(form, { step });
    expect(fieldText(page, select.path)).toContain(select.shows);
    const calls = await log.during(async () => {
      type(page, path, typed);
      await settle();
    });
    expect(pageCalls(calls).map((call) => call.keys)).toEqual([[`form.${path}`]]);
    expect(ours(calls)).toEqual([]);
  });

  it('in a field showing an error, sends the value and its error in one page setData, nothing else', async () => {
    const form = personalForm();
    form.subject.principal.email = '';
    const { page } = await openDraft(form, { step: 1 });
    blur(page, 'subject.principal.email');
    await settle();
    expect(fieldText(page, 'subject.principal.email')).toContain('电子邮箱');
    const calls = await log.during(async () => {
      type(page, 'subject.principal.email', 'z');
      await settle();
    });
    const [only, ...more] = pageCalls(calls);
    expect(more).toEqual([]);
    expect(only?.keys).toContain('form.subject.principal.email');
    expect(only?.keys.every((key) => key.startsWith('form.') || key.startsWith('errors.'))).toBe(true);
    expect(ours(calls)).toEqual([]);
  });
});

describe('填写备案信息: a step change', () => {
  /** 下一步 on a complete personal draft, at `from`; answers every setData it caused. */
  async function next(from: number): Promise<SetDataCall[]> {
    const { page } = await openDraft(personalForm(), { step: from });
    const calls = await log.during(async () => {
      tap(page, '#next');
      await settle();
    });
    expect(page.instance.data.active).toBe(from + 1);
    return calls;
  }

  it('主体信息 → 主体负责人 costs under 50 setData calls in all (was 105), one at most per field', async () => {
    const calls = await next(0);
    expect(calls.length).toBeLessThan(50);
    expect(pageCalls(calls)).toHaveLength(1);
    for (const [instance, made] of perInstance(ours(calls))) {
      expect({ instance, calls: made.length }).toEqual({ instance, calls: 1 });
    }
    // Each field's anchor and jump mark are derived in WXML: no control sends them.
    const keys = ours(calls).flatMap((call) => call.keys);
    expect(keys).not.toContain('anchor');
    expect(keys).not.toContain('focused');
  });

  it('主体负责人 → 小程序信息 costs under 25 calls, one at most per field', async () => {
    const calls = await next(1);
    expect(calls.length).toBeLessThan(25);
    for (const made of perInstance(ours(calls)).values()) expect(made).toHaveLength(1);
  });

  it('小程序信息 → 人脸核身, the same person as the subject principal, is the page’s one call', async () => {
    const calls = await next(2);
    expect(calls.map((call) => call.component)).toEqual(['pages/filing-form/index']);
  });
});

describe('填写备案信息: the summary’s re-check', () => {
  const letter = (provided: number) => ({
    path: 'materials.commitmentLetter',
    label: '互联网信息服务承诺书',
    required: false,
    reason: '部分省份通管局要求提供',
    max: 1,
    provided,
  });
  const video = {
    path: 'materials.promiseVideo',
    label: '承诺视频',
    required: false,
    reason: '部分省份要求负责人录制承诺视频',
    max: 1,
    provided: 0,
  };

  it('after uploading a material, sends that material’s row, not the whole checklist again', async () => {
    const before: CheckReport = { errors: [], warnings: [], materials: [letter(0), video] };
    const after: CheckReport = { errors: [], warnings: [], materials: [letter(1), video] };
    let checks = 0;
    const { page } = await openDraft(personalForm(), {
      step: 4,
      handlers: {
        filing: { 'filing.check': () => ({ ok: true, data: checks++ === 0 ? before : after }) },
      },
    });
    expect(checks).toBe(1);
    const instance = page.instance as unknown as {
      onFieldChange(event: { detail: { path: string; value: unknown; settled: boolean } }): void;
      onHide(): void;
    };
    const calls = await log.during(async () => {
      instance.onFieldChange({
        detail: { path: 'materials.commitmentLetter', value: ['cloud://env/letter.jpg'], settled: true },
      });
      instance.onHide(); // saves now; the summary then checks the saved draft again
      await settle();
      await settle();
    });
    expect(checks).toBe(2);
    const keys = pageCalls(calls).flatMap((call) => call.keys);
    expect(keys).toContain('materials[0]');
    expect(keys).not.toContain('materials');
    expect(keys.some((key) => key.startsWith('materials[1]'))).toBe(false);
    expect(page.instance.data.materials).toEqual(after.materials.map((row) => expect.objectContaining(row)));
  });
});
