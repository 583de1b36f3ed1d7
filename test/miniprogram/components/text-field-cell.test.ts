import 'miniprogram-simulate';
import fc from 'fast-check';
import { needsInput } from '../../../miniprogram/components/field-kit';
import { render, sleep } from '../../helpers/simulate';
import { installSetDataLog } from './set-data-log';

/**
 * A filled text field shows its value in a van-cell and builds its van-field when the filer taps
 * it (components/text-field, docs/benchmarks.md finding 8): van-field sets its data twice as it is
 * built, and a step change would build up to ten of them.
 */
const log = installSetDataLog();
afterAll(() => log.uninstall());

type Rendered = ReturnType<typeof render>;

const MOBILE = { path: 'subject.principal.mobile', label: '手机号码' };

function hasInput(field: Rendered): boolean {
  return field.querySelectorAll('.text-field >>> .van-field__control').length > 0;
}

/** The cell, not van-field's own (van-field is drawn on a van-cell too). */
function hasCell(field: Rendered): boolean {
  return !hasInput(field) && field.querySelectorAll('.text-field >>> .van-cell').length > 0;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await sleep(0);
}

describe('text-field, filled', () => {
  it('shows its value in a cell: no van-field, and nothing sent as it attaches', async () => {
    let field: Rendered | undefined;
    const calls = await log.during(() => {
      field = render('components/text-field/index', { ...MOBILE, value: '13800138000' });
    });
    if (!field) throw new Error('not rendered');
    expect(hasCell(field)).toBe(true);
    expect(hasInput(field)).toBe(false);
    expect(field.dom?.textContent).toContain('13800138000');
    expect(calls).toEqual([]);
  });

  it('builds its input, focused and with its length bound, when the filer taps the cell', async () => {
    const field = render('components/text-field/index', { ...MOBILE, value: '13800138000' });
    field.querySelector('.text-field >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    expect(hasInput(field)).toBe(true);
    expect(field.data.autofocus).toBe(true);
    expect(field.data.limit).toBeGreaterThan(0);
  });

  it('does not open when disabled', async () => {
    const field = render('components/text-field/index', { ...MOBILE, value: '13800138000', disabled: true });
    field.querySelector('.text-field >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    expect(hasInput(field)).toBe(false);
  });

  it('builds its input at once when it shows an error or a reason, or the page jumps to it', () => {
    const filled = { ...MOBILE, value: '1380013' };
    expect(hasInput(render('components/text-field/index', { ...filled, error: '应为11位手机号码' }))).toBe(
      true,
    );
    expect(hasInput(render('components/text-field/index', { ...filled, reason: '与实名信息不符' }))).toBe(
      true,
    );
    expect(hasInput(render('components/text-field/index', { ...filled, focusPath: MOBILE.path }))).toBe(true);
  });

  it('keeps the input once built: typing into an empty field does not turn it into a cell', () => {
    const field = render('components/text-field/index', { ...MOBILE, value: '' });
    expect(hasInput(field)).toBe(true);
    field.setData({ value: '1' });
    field.setData({ value: '13800138000' });
    expect(hasInput(field)).toBe(true);
    expect(hasCell(field)).toBe(false);
  });

  it('field.wxs showsCell and needsInput agree, for a field whose input is not built yet', () => {
    const text = fc.constantFrom('', '13800138000');
    const jump = fc.constantFrom('', MOBILE.path, `${MOBILE.path}.x`, 'subject.name');
    fc.assert(
      fc.property(text, text, text, jump, (value, error, reason, focusPath) => {
        const field = render('components/text-field/index', { ...MOBILE, value, error, reason, focusPath });
        expect(hasCell(field)).toBe(!needsInput(MOBILE.path, value, error, reason, focusPath));
      }),
      { numRuns: 20 },
    );
  });
});
