/**
 * 识别并填写 (docs/certificate-recognition.md): the photo is saved, read by the server, and what
 * was read fills the fields that are still empty. For a field already typed the filer sees both
 * and chooses. Every field filled this way carries 来自证件识别，请核对 until the filer edits it.
 */
import {
  fieldLabel,
  normalizePath,
  readPath,
  sameAsRead,
  type Failure,
  type FilingForm,
  type Recognition,
} from '@beian/core';
import type { FieldChange } from '../../components/field-kit';
import { recognizeCertificate } from '../../services/certificates';
import { IssueBoard } from './issue-board';

export const RECOGNIZED_NOTE = '来自证件识别，请核对';

/** What the form page lends the prefill: its form, its saver and its own way of changing a field. */
export interface PrefillHost {
  readonly form: FilingForm;
  readonly id: string;
  /** Saves what is pending; false when the draft could not be saved. */
  flush(): Promise<boolean>;
  change(change: FieldChange): void;
  setData(patch: Record<string, unknown>): void;
  /** A new reading: the checks compare with it from now on. */
  read(recognition: Recognition): void;
  /** The fields are filled: show every step's warnings as they are now. */
  checked(): void;
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Tells the filer why nothing was read: the message at the photo, or why recognition is off. */
async function explain(error: Failure): Promise<void> {
  const atPhoto = error.fields?.[0]?.message;
  await wx.showModal({
    title: error.code === 'UNAVAILABLE' ? '暂时无法识别' : '未能识别',
    content: atPhoto ?? error.message,
    showCancel: false,
    confirmText: '知道了',
  });
}

/** The filer's choice for a field that was typed otherwise: true takes what the photo says. */
async function takeRead(path: string, typed: string, read: string): Promise<boolean> {
  const choice = await wx.showModal({
    title: `${fieldLabel(path)}与证件不一致`,
    content: `证件上：${read}\n已填写：${typed}`,
    confirmText: '用证件的',
    cancelText: '保留',
  });
  return choice.confirm;
}

export class Prefill {
  private readonly notes = new IssueBoard('notes');
  private marked: string[] = [];

  constructor(private readonly host: PrefillHost) {}

  /** The filer edited `path`: the value is theirs now, and its note goes. */
  touched(path: string): Record<string, unknown> {
    const dotted = normalizePath(path);
    if (!this.marked.includes(dotted)) return {};
    this.marked = this.marked.filter((marked) => marked !== dotted);
    return this.notePatch();
  }

  async recognize(field: string): Promise<void> {
    void wx.showLoading({ title: '正在识别…', mask: true });
    const saved = await this.host.flush();
    const answer = saved ? await recognizeCertificate(this.host.id, field) : null;
    void wx.hideLoading();
    if (!answer) {
      await explain({ code: 'UNAVAILABLE', message: '草稿未能保存，请检查网络后再识别。' });
      return;
    }
    if (!answer.ok) {
      await explain(answer.error);
      return;
    }
    this.host.read(answer.data.recognition);
    const filled: string[] = [];
    const differing: [string, string, string][] = [];
    for (const [path, value] of Object.entries(answer.data.values)) {
      const typed = readPath(this.host.form, path);
      if (isEmpty(typed)) {
        this.host.change({ path, value, settled: true });
        filled.push(path);
      } else if (!sameAsRead(path, typed, value)) differing.push([path, String(typed), value]);
    }
    for (const [path, typed, read] of differing) {
      if (!(await takeRead(path, typed, read))) continue;
      this.host.change({ path, value: read, settled: true });
      filled.push(path);
    }
    this.marked = [...this.marked.filter((path) => !filled.includes(path)), ...filled];
    this.host.setData(this.notePatch());
    this.host.checked();
    void wx.showToast({
      title: filled.length > 0 ? `已填写 ${filled.length} 项，请核对` : '与已填写的信息一致',
      icon: 'none',
    });
  }

  private notePatch(): Record<string, unknown> {
    const notes = this.marked.map((path) => ({ path, message: RECOGNIZED_NOTE }));
    return this.notes.replace(this.host.form, notes, () => true);
  }
}
