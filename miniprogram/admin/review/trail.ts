/**
 * The review page's record of what happened and what the checks found: the audit trail in words,
 * the check result by field label, and which decision the application is waiting for.
 */
import {
  EVENT_LABELS,
  STATE_INFO,
  channelOf,
  eventsFrom,
  fieldLabel,
  type Actor,
  type Application,
  type FaceTask,
  type AuditEvent,
  type CheckResult,
  type FilingEvent,
  type FilingEventType,
  type Issue,
} from '@beian/core';
import { beijingDateTime } from '../../utils/time';

export interface IssueRow {
  path: string;
  label: string;
  message: string;
}

function issueRow(issue: Issue): IssueRow {
  return { path: issue.path, label: fieldLabel(issue.path) || issue.path, message: issue.message };
}

export function checkRows(check: CheckResult): { errors: IssueRow[]; warnings: IssueRow[] } {
  return { errors: check.errors.map(issueRow), warnings: check.warnings.map(issueRow) };
}

export interface AuditRow {
  key: number;
  at: string;
  actor: string;
  event: string;
  move: string;
  detail: string;
}

function actorText(actor: Actor): string {
  switch (actor.kind) {
    case 'filer':
      return '申请人';
    case 'admin':
      return `审核员 ${actor.name}`;
    case 'operator':
      return `运维 ${actor.name}`;
    case 'system':
      return '系统';
    case 'wechat':
      return '微信（同步）';
  }
}

/**
 * The trail's words for an event: core's label (EVENT_LABELS, what a refusal names too), with the
 * few the trail says in full, as a sentence of what happened.
 */
const EVENT_TEXT: Readonly<Record<FilingEvent['type'], string>> = {
  ...EVENT_LABELS,
  submit: '提交申请',
  withdraw: '撤回申请',
  sms_resend: '重新发送核验短信',
  sms_verified: '短信核验完成',
};

const FACE_STATUS_TEXT: Record<FaceTask['status'], string> = {
  waiting: '等待核验',
  succeeded: '核验通过',
  failed: '核验未通过',
  expired: '已过期',
};

function eventDetail(event: FilingEvent): string {
  if (event.type === 'authority_approve') return `备案号 ${event.recordNumber}`;
  if (event.type === 'submit' && event.channel) {
    return `${event.channel.kind === 'wechat' ? '通过微信提交' : '人工办理'}：${event.channel.reason}`;
  }
  if (event.type === 'face_task')
    return `核验任务 ${event.task.taskId.slice(0, 8)}…（${FACE_STATUS_TEXT[event.task.status]}）`;
  if (event.type === 'platform_reject' || event.type === 'authority_reject' || event.type === 'pre_reject') {
    return event.reasons
      .map((reason) => `${fieldLabel(reason.field) || reason.field}：${reason.error}`)
      .join('；');
  }
  return '';
}

/** Newest first: a reviewer opening the page wants the latest move on top. */
export function auditRows(audit: readonly AuditEvent[]): AuditRow[] {
  return [...audit]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((entry, key) => ({
      key,
      at: beijingDateTime(entry.at),
      actor: actorText(entry.actor),
      event: EVENT_TEXT[entry.event.type],
      move: `${STATE_INFO[entry.from].label} → ${STATE_INFO[entry.to].label}`,
      detail: eventDetail(entry.event),
    }));
}

/** The decision the page offers: Beian's pre-review, or recording WeChat's outcomes by hand. */
export type ReviewStep = 'pre' | 'platform' | 'sms' | 'authority' | 'none';

/**
 * Each step is the state its approval leaves, as the workflow table says (eventsFrom), so a state
 * added or moved there moves the buttons with it.
 */
const STEP_EVENTS: readonly (readonly [Exclude<ReviewStep, 'none'>, FilingEventType])[] = [
  ['pre', 'pre_approve'],
  ['platform', 'platform_approve'],
  ['sms', 'sms_verified'],
  ['authority', 'authority_approve'],
];

export function reviewStep(application: Pick<Application, 'state' | 'channel'>): ReviewStep {
  const events = eventsFrom(application.state);
  const [step] = STEP_EVENTS.find(([, event]) => events.includes(event)) ?? ['none'];
  // Through WeChat, WeChat's own review decides what follows the pre-review.
  return step === 'pre' || channelOf(application) !== 'wechat' ? step : 'none';
}
