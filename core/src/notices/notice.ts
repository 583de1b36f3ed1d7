/**
 * A notice is what a filer should hear about a transition, in words but not yet in a template's
 * shape: the outbox stores it, and `renderMessage` fits it to the configured template when it is
 * sent. Texts here are complete; fitting them to keyword limits is the renderer's job.
 * (The values are type aliases, not interfaces, so they read as plain records when rendered.)
 */
import type { TemplateRole } from './message';

/** A value with a long form (for `thing`) and a ≤ 5-Chinese-character form (for `phrase`). */
export type Labelled = {
  text: string;
  phrase: string;
};

/** 状态变更: the application moved to another state. */
export type ProgressValues = {
  /** Which filing: the mini-program's name, with the kind for a change or cancellation. */
  filing: string;
  state: Labelled;
  /** ISO time of the change. */
  time: string;
  /** What happens next, in one short sentence. */
  note: string;
};

/** 审核结果: a review ended (passed, rejected, timed out, filed). */
export type ResultValues = {
  filing: string;
  /** The review that ended: 平台初审, 工信部短信核验, 通管局审核. */
  stage: string;
  result: Labelled;
  /** The rejection reason, or the record number once filed. */
  detail: string;
  time: string;
};

/** 待办: something the filer must do before a deadline (the SMS check). */
export type TodoValues = {
  filing: string;
  task: string;
  /** ISO time by which it must be done. */
  deadline: string;
  note: string;
};

interface NoticeOf<R extends TemplateRole, V> {
  role: R;
  /** The filer's OPENID. */
  to: string;
  applicationId: string;
  /** The page the message opens: the application's progress page. */
  page: string;
  values: V;
}

export type Notice =
  NoticeOf<'progress', ProgressValues> | NoticeOf<'result', ResultValues> | NoticeOf<'todo', TodoValues>;

export type NoticeOfRole<R extends TemplateRole> = Extract<Notice, { role: R }>;

/** The progress page of an application, as a subscribe message's `page`. */
export function progressPage(applicationId: string): string {
  return `pages/progress/index?id=${encodeURIComponent(applicationId)}`;
}
