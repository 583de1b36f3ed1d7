/**
 * What the form page binds. The form itself is bound whole once (on load) and then only by path;
 * the error and reason mirrors likewise (issue-board.ts).
 */
import { emptyForm, type CancelScope, type ChannelKind, type FilingForm, type FilingKind } from '@beian/core';
import { LOADING, type Load } from '../../utils/page-load';
import type { IssueRow, MaterialRow } from '../../components/summary-section/index';
import type { Mirror } from './issue-board';
import { STEP_BAR, stepTitle, type StepBarItem } from './steps';

export interface FormData {
  load: Load;
  id: string;
  kind: FilingKind;
  cancelScope: CancelScope | null;
  /** 新增备案 / 变更备案 / 注销小程序 … */
  kindText: string;
  /** One line on what this kind of filing asks of the filer. */
  kindNote: string;
  stateLabel: string;
  /** Whether the application may be edited and submitted in its state. */
  editable: boolean;
  form: FilingForm;
  errors: Mirror;
  reasons: Mirror;
  /** 来自证件识别，请核对 at the fields recognition filled, until the filer edits them. */
  notes: Mirror;
  /** How many reviewer reasons the last rejection gave. */
  reasonCount: number;
  /** The field the page jumped to (dot notation), marked until the filer moves on. */
  focusPath: string;
  active: number;
  steps: StepBarItem[];
  stepTitle: string;
  /** The current step's warnings: allowed, but likely to be rejected, with why. */
  stepWarnings: IssueRow[];
  saveText: string;
  /** The draft was saved from another device: saving is paused until the filer reloads. */
  conflict: boolean;
  checking: boolean;
  checkError: string;
  errorRows: IssueRow[];
  warningRows: IssueRow[];
  materials: MaterialRow[];
  /** The summary's check ran on the form as it is now (nothing changed since). */
  checkFresh: boolean;
  submitting: boolean;
  /**
   * The channel a submit would take now: `wechat` once the mini-program has authorized Beian,
   * when WeChat's face task replaces the photo capture. The server decides again at the submit.
   */
  channel: ChannelKind;
}

/** What the filer is doing, in one line at the top of the form. */
export const KIND_NOTE: Readonly<Record<FilingKind, string>> = {
  new: '首次为这个小程序备案：按步骤填写，提交前会检查常见的驳回原因。',
  change: '已按现有备案预填：只修改发生变化的信息，变更期间原备案号继续有效。',
  cancel: '请核对要注销的备案信息后提交；注销一经完成不可撤销。',
};

export function initialData(): FormData {
  return {
    load: LOADING,
    id: '',
    kind: 'new',
    cancelScope: null,
    kindText: '',
    kindNote: '',
    stateLabel: '',
    editable: false,
    form: emptyForm(),
    errors: {},
    reasons: {},
    notes: {},
    reasonCount: 0,
    focusPath: '',
    active: 0,
    steps: STEP_BAR,
    stepTitle: stepTitle(0),
    stepWarnings: [],
    saveText: '',
    conflict: false,
    checking: false,
    checkError: '',
    errorRows: [],
    warningRows: [],
    channel: 'manual',
    materials: [],
    checkFresh: false,
    submitting: false,
  };
}
