import { fieldLabel } from '@beian/core';
import { render, tap, settle, text, type Rendered } from '../../helpers/simulate';
import { blankReason, checkReasons } from '../../../miniprogram/admin/components/reason-form/draft';

const OPTIONS = ['subject.name', 'subject.principal.mobile', 'miniprogram.comment'].map((path) => ({
  path,
  label: fieldLabel(path),
}));

async function type(form: Rendered, selector: string, value: string): Promise<void> {
  const input = form
    .querySelector(selector)
    ?.querySelectorAll('.van-field__control')
    .find((node) => node.dom?.tagName === 'WX-TEXTAREA' || node.dom?.tagName === 'WX-INPUT');
  if (!input) throw new Error(`no input in ${selector}`);
  input.dispatchEvent('input', { detail: { value } });
  await settle();
}

async function pick(form: Rendered, index: number, option: number): Promise<void> {
  form.querySelector(`#pick-${index}`)?.dispatchEvent('change', { detail: { value: option } });
  await settle();
}

async function press(form: Rendered, selector: string): Promise<void> {
  tap(form, selector);
  await settle();
}

/** What the form emitted as `submit` (the review page's handler receives the same detail). */
function renderForm(): { form: Rendered; sent: jest.Mock } {
  const form = render('admin/components/reason-form/index', { options: OPTIONS });
  const sent = jest.fn();
  const trigger = jest.spyOn(form.instance, 'triggerEvent');
  trigger.mockImplementation((...args: unknown[]) => {
    if (args[0] === 'submit') sent(args[1]);
  });
  return { form, sent };
}

describe('reject reasons (pure)', () => {
  it('refuses a rejection without any reason', () => {
    expect(checkReasons([])).toMatchObject({ ok: false, message: '请至少填写一条驳回原因。' });
  });

  it('refuses a reason without its field or its error, saying which', () => {
    const noField = { ...blankReason(), error: '照片模糊' };
    const noError = blankReason(OPTIONS[0]);
    const result = checkReasons([noField, noError]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.drafts.map((draft) => draft.problem)).toEqual(['请选择有问题的字段', '请写明问题所在']);
  });

  it('sends complete reasons trimmed, the suggestion being optional', () => {
    const draft = { ...blankReason(OPTIONS[1]), error: ' 号码停机 ', suggest: '' };
    expect(checkReasons([draft])).toEqual({
      ok: true,
      reasons: [{ field: 'subject.principal.mobile', error: '号码停机', suggest: '' }],
    });
  });
});

describe('reject form component', () => {
  it('offers the fields by label', async () => {
    const { form } = renderForm();
    expect(form.querySelector('#pick-0')).toBeTruthy();
    expect(text(form)).toContain('选择有问题的字段');
    await pick(form, 0, 1);
    expect(text(form.querySelector('#reason-0'))).toContain(fieldLabel('subject.principal.mobile'));
  });

  it('refuses to send an empty reason and says what is missing', async () => {
    const { form, sent } = renderForm();
    await press(form, '#send');
    expect(sent).not.toHaveBeenCalled();
    expect(text(form.querySelector('#reason-0'))).toContain('请选择有问题的字段');
    expect(text(form.querySelector('#message'))).toContain('有驳回原因未填完整');
  });

  it('refuses to send when every reason was removed', async () => {
    const { form, sent } = renderForm();
    await press(form, '#remove-0');
    expect(form.querySelector('#reason-0')).toBeFalsy();
    await press(form, '#send');
    expect(sent).not.toHaveBeenCalled();
    expect(text(form.querySelector('#message'))).toContain('请至少填写一条驳回原因');
  });

  it('sends several reasons with the picked field paths', async () => {
    const { form, sent } = renderForm();
    await pick(form, 0, 1);
    await type(form, '#error-0', '手机号无法接通');
    await type(form, '#suggest-0', '请填写本人常用手机号');
    await press(form, '#add');
    await pick(form, 1, 2);
    await type(form, '#error-1', '备注未写明主要服务');
    await press(form, '#send');
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenCalledWith({
      reasons: [
        { field: 'subject.principal.mobile', error: '手机号无法接通', suggest: '请填写本人常用手机号' },
        { field: 'miniprogram.comment', error: '备注未写明主要服务', suggest: '' },
      ],
    });
  });

  it('adds a reason for a field flagged from the application', () => {
    const { form } = renderForm();
    const comment = { path: 'miniprogram.comment', label: fieldLabel('miniprogram.comment') };
    (form.instance as unknown as { addField(option: typeof comment): void }).addField(comment);
    expect(text(form.querySelector('#reason-0'))).toContain(fieldLabel('miniprogram.comment'));
    expect(form.querySelector('#reason-1')).toBeFalsy(); // the blank reason was used
  });
});
