import 'miniprogram-simulate';
import { emptyForm } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import {
  closeForms,
  draft,
  fieldText,
  openDraft,
  settle,
  tap,
  type,
  type Rendered,
} from './components/helpers';

/** Spies on the page's setData and answers the keys of each call made while `act` runs. */
async function setDataKeys(page: Rendered, act: () => void | Promise<void>) {
  const spy = jest.spyOn(page.instance, 'setData');
  await act();
  const keys = spy.mock.calls.map(([payload]) => Object.keys(payload as object));
  spy.mockRestore();
  return keys;
}

describe('填写备案信息: drafts save themselves', () => {
  afterEach(async () => {
    jest.useRealTimers();
    await closeForms();
    jest.restoreAllMocks();
  });

  it('saves once the filer pauses, sending only the changed path with the current version', async () => {
    const { page, cloud } = await openDraft(emptyForm());
    jest.useFakeTimers();
    type(page, 'subject.name', '张');
    type(page, 'subject.name', '张三');
    await jest.advanceTimersByTimeAsync(500);
    type(page, 'subject.name', '张三丰');
    await jest.advanceTimersByTimeAsync(700);
    // Still typing within the debounce: nothing sent yet.
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([]);
    await jest.advanceTimersByTimeAsync(200);
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([
      { id: 'app-1', version: 1, patch: { 'subject.name': '张三丰' } },
    ]);
    // The next save carries the version the first one answered.
    type(page, 'subject.address', '高碑店路181号');
    await jest.advanceTimersByTimeAsync(1000);
    expect(cloud.callsOf('filing', 'draft.save')[1]).toEqual({
      id: 'app-1',
      version: 2,
      patch: { 'subject.address': '高碑店路181号' },
    });
    expect(page.dom?.textContent).toContain('已自动保存');
  });

  it('saves at once when the filer leaves the page', async () => {
    const { page, cloud } = await openDraft(emptyForm());
    type(page, 'subject.address', '高碑店路181号');
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([
      { id: 'app-1', version: 1, patch: { 'subject.address': '高碑店路181号' } },
    ]);
  });

  it('typing one character sends one small path to the view, never the form', async () => {
    const { page } = await openDraft(emptyForm());
    const keys = await setDataKeys(page, () => type(page, 'subject.name', '张'));
    expect(keys).toEqual([['form.subject.name']]);
    // With an error showing, the field is re-checked as the filer types: at most its error goes too.
    tap(page, '#next');
    await settle();
    expect(fieldText(page, 'subject.address')).toContain('请填写主办单位通讯地址');
    const fixing = await setDataKeys(page, () => type(page, 'subject.address', '高'));
    expect(fixing).toEqual([['form.subject.address', 'errors.subject.address']]);
    const more = await setDataKeys(page, () => type(page, 'subject.address', '高碑'));
    expect(more).toEqual([['form.subject.address']]);
  });

  it('a CONFLICT explains itself, keeps what was typed, and reloads without losing it', async () => {
    const { page, cloud } = await openDraft(personalForm());
    cloud.answer({
      filing: {
        'draft.save': () => ({
          ok: false,
          error: { code: 'CONFLICT', message: '这条申请已在别处更新，请刷新后再试，你填写的内容不会丢失。' },
        }),
      },
    });
    type(page, 'subject.address', '酒仙桥路10号');
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(page.querySelector('#conflict')?.dom?.textContent).toContain('另一台设备上修改');
    expect(page.instance.data.form.subject.address).toBe('酒仙桥路10号');
    // Saving is paused: more typing does not hammer the server with stale versions.
    type(page, 'subject.address', '酒仙桥路10号院');
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(cloud.callsOf('filing', 'draft.save')).toHaveLength(1);

    // Meanwhile the other device changed the comment; reloading keeps both.
    const newer = personalForm();
    newer.subject.comment = '另一台设备写的备注';
    let saved: unknown = null;
    cloud.answer({
      filing: {
        'filing.get': () => ({
          ok: true,
          data: {
            filing: draft({ version: 5 }, newer),
            timeline: [],
            eta: null,
            todo: { title: '', detail: '', actions: [] },
            recognitions: [],
          },
        }),
        'draft.save': (params) => {
          saved = params;
          return { ok: true, data: { filing: draft({ version: 6 }, newer) } };
        },
      },
    });
    tap(page, '#reload-latest');
    await settle();
    expect(page.querySelector('#conflict')).toBeFalsy();
    expect(page.instance.data.form.subject.comment).toBe('另一台设备写的备注');
    expect(page.instance.data.form.subject.address).toBe('酒仙桥路10号院');
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(saved).toEqual({ id: 'app-1', version: 5, patch: { 'subject.address': '酒仙桥路10号院' } });
  });
});
