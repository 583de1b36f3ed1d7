/**
 * 识别并填写 on the form: the photo is saved first, then read; what was read fills the empty
 * fields, each marked 来自证件识别，请核对 until the filer edits it; for a field already typed the
 * filer sees both and chooses; and a photo that cannot be read says why, changing nothing.
 */
import 'miniprogram-simulate';
import type { DataOf, Envelope, FilingForm } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { blur, leaveForms, openDraft, settle, tap, type } from './components/helpers';

type Reading = DataOf<'filing', 'certificate.recognize'>;

const FRONT = 'subject.principal.certificate.photoFront';
const BUTTON = '#section >>> #recognize-f-subject-principal-certificate-photoFront';

function reading(form: FilingForm): Reading {
  const values = {
    'subject.principal.name': '张三',
    'subject.principal.certificate.number': '110105199003071239',
  };
  const facts = { side: 'id_front' as const, name: '张三', number: '110105199003071239', sex: '男' as const };
  return {
    values,
    facts,
    recognition: {
      field: FRONT,
      fileId: form.subject.principal.certificate.photoFront,
      at: '2026-11-20T08:00:00.000Z',
      values,
      facts,
    },
  };
}

/** The filer's choice in the modal that shows both numbers: the card's (`confirm`) or the typed one. */
function choosing(confirm: boolean) {
  return jest
    .spyOn(wx, 'showModal')
    .mockResolvedValue({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
}

/** The draft opened on the principal step, recognition answering with `answer`. */
function openRecognizing(form: FilingForm, answer: () => Envelope<Reading>) {
  return openDraft(form, { step: 1, handlers: { filing: { 'certificate.recognize': answer } } });
}

/** A personal draft on the principal step: the name not filled in yet, the number typed otherwise. */
function typedForm(): FilingForm {
  const form = personalForm();
  form.subject.principal.name = '';
  form.subject.principal.certificate.number = '11010519900317123X';
  return form;
}

describe('填写备案信息: 识别并填写', () => {
  afterEach(leaveForms);

  it('saves, reads, fills the empty name and lets the filer choose for the typed number', async () => {
    const form = typedForm();
    const { page, cloud } = await openRecognizing(form, () => ({ ok: true, data: reading(form) }));
    const modal = choosing(true);
    type(page, 'subject.principal.email', 'zhang.san@example.com');
    tap(page, BUTTON);
    await settle();
    const calls = cloud.calls.filter((call) => call.name === 'filing').map((call) => call.action);
    expect(calls.indexOf('draft.save')).toBeGreaterThan(-1);
    expect(calls.indexOf('draft.save')).toBeLessThan(calls.indexOf('certificate.recognize'));
    expect(cloud.callsOf('filing', 'certificate.recognize')).toEqual([{ id: 'app-1', field: FRONT }]);
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '主体负责人证件号码与证件不一致',
        content: '证件上：110105199003071239\n已填写：11010519900317123X',
      }),
    );
    const data = page.instance.data as { form: FilingForm };
    expect(data.form.subject.principal.name).toBe('张三');
    expect(data.form.subject.principal.certificate.number).toBe('110105199003071239');
    expect(page.querySelector('#section >>> .field-note')?.dom?.textContent).toBe('来自证件识别，请核对');
    expect(page.querySelectorAll('#section >>> .field-note')).toHaveLength(2);
    // Editing a filled field makes it the filer's: its note goes, the other stays.
    type(page, 'subject.principal.name', '张 三');
    blur(page, 'subject.principal.name');
    await settle();
    expect(page.querySelectorAll('#section >>> .field-note')).toHaveLength(1);
  });

  it('keeps the typed value when the filer chooses to, and marks only what was filled', async () => {
    const form = typedForm();
    choosing(false);
    const { page } = await openRecognizing(form, () => ({ ok: true, data: reading(form) }));
    tap(page, BUTTON);
    await settle();
    const data = page.instance.data as { form: FilingForm };
    expect(data.form.subject.principal.certificate.number).toBe('11010519900317123X');
    expect(page.querySelectorAll('#section >>> .field-note')).toHaveLength(1);
    expect(data.form.subject.principal.name).toBe('张三');
  });

  it('says why a photo could not be read, and fills nothing', async () => {
    const form = typedForm();
    const refused: Envelope<Reading> = {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '没能从照片中识别出证件信息',
        fields: [
          { path: FRONT, code: 'recognition.unreadable', message: '没能从照片中识别出证件信息：请重新拍摄' },
        ],
      },
    };
    const modal = choosing(true);
    const { page } = await openRecognizing(form, () => refused);
    tap(page, BUTTON);
    await settle();
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '未能识别', content: '没能从照片中识别出证件信息：请重新拍摄' }),
    );
    expect((page.instance.data as { form: FilingForm }).form.subject.principal.name).toBe('');
    expect(page.querySelectorAll('#section >>> .field-note')).toHaveLength(0);
  });

  it('offers recognition only once there is a photo, and only for a resident ID card', async () => {
    const form = typedForm();
    form.subject.principal.certificate.photoBack = '';
    const { page } = await openDraft(form, { step: 1 });
    expect(page.querySelector(BUTTON)).toBeTruthy();
    expect(
      page.querySelector('#section >>> #recognize-f-subject-principal-certificate-photoBack'),
    ).toBeFalsy();
  });
});
