import 'miniprogram-simulate';
import { NONE_PRE_APPROVAL, PRE_APPROVAL_TYPES } from '@beian/core';
import { render, sleep } from '../../helpers/simulate';
import { installSetDataLog } from './set-data-log';

/**
 * Vant components that set their data as they attach are built only when they have something to
 * show (docs/benchmarks.md finding 8): pickers and sheets on their first open (then kept, so they
 * can animate out), an uploader's list only when there are photos, the pre-approval ticks in WXML.
 */
const log = installSetDataLog();
afterAll(() => log.uninstall());

type Rendered = ReturnType<typeof render>;

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await sleep(0);
}

/** How many `tag` components the rendered tree holds (a popup's own view waits for its animation). */
const count = (root: Rendered, tag: string) => (root.dom?.innerHTML.split(`<${tag}`).length ?? 1) - 1;

describe('photo-field without photos', () => {
  it('attaches with nothing to send, from itself or its uploader', async () => {
    const calls = await log.during(async () => {
      render('components/photo-field/index', {
        path: 'materials.commitmentLetter',
        label: '承诺书',
        kind: 'document',
        multiple: true,
        value: [],
      });
      await settle();
    });
    expect(calls).toEqual([]);
  });
});

describe('pickers and sheets', () => {
  it('a date field builds its popup on the first open, and keeps it when closed', () => {
    const field = render('components/date-field/index', { path: 'subject.principal.certificate.validFrom' });
    expect(count(field, 'van-popup')).toBe(0);
    const instance = field.instance as unknown as { onOpen(): void; onClose(): void };
    instance.onOpen();
    expect(count(field, 'van-popup')).toBe(1);
    instance.onClose();
    expect(count(field, 'van-popup')).toBe(1);
  });

  it('a select field builds its action sheet on the first open', () => {
    const field = render('components/select-field/index', {
      path: 'subject.type',
      options: [{ value: 4, text: '企业' }],
    });
    expect(count(field, 'van-action-sheet')).toBe(0);
    (field.instance as unknown as { onOpen(): void }).onOpen();
    expect(count(field, 'van-action-sheet')).toBe(1);
  });

  it('the region and service-type fields build their popups on the first open', () => {
    const region = render('components/region-field/index', { path: 'subject.region' });
    const types = render('components/service-types-field/index', { path: 'miniprogram.serviceTypes' });
    expect(count(region, 'van-popup') + count(types, 'van-popup')).toBe(0);
    (region.instance as unknown as { onOpen(): void }).onOpen();
    (types.instance as unknown as { onOpen(): void }).onOpen();
    expect(count(region, 'van-popup')).toBe(1);
    expect(count(types, 'van-popup')).toBe(1);
  });
});

describe('pre-approvals-field', () => {
  const ticked = (field: Rendered) => (field.dom?.innerHTML.split('checkbox__icon--checked').length ?? 1) - 1;

  it('ticks the chosen option in WXML, and a new choice sends no option list', async () => {
    const field = render('components/pre-approvals-field/index', {
      path: 'miniprogram.preApprovals',
      value: [{ type: NONE_PRE_APPROVAL, code: '', media: '' }],
    });
    expect(ticked(field)).toBe(1);
    const real = PRE_APPROVAL_TYPES.find((type) => type.id !== NONE_PRE_APPROVAL)?.id ?? -1;
    const calls = await log.during(async () => {
      field.setData({ value: [{ type: real, code: '', media: '' }] });
      await settle();
    });
    expect(ticked(field)).toBe(1);
    const own = calls.filter((call) => call.component === 'components/pre-approvals-field/index');
    // (the test's own setData of `value` is logged too)
    expect(own.flatMap((call) => call.keys).filter((key) => key !== 'value')).toEqual(['entries']);
  });
});
