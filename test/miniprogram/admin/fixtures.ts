/**
 * Applications as the server would answer them, for page tests: a personal filing in platform
 * review by default, with its timeline; each test changes what it needs. Shared by the progress,
 * filings and admin page tests.
 */
import {
  FILING_STATES,
  type Application,
  type DataOf,
  type Envelope,
  type ErrorCode,
  type FilingSummary,
  type FilingView,
  type QueueItem,
  type StageEta,
  type StateCounts,
  type TimelineEntry,
  type Todo,
} from '@beian/core';
import { personalForm } from '../../fixtures/forms';

export function application(overrides: Partial<Application> = {}): Application {
  const timeline: TimelineEntry[] = [
    { state: 'draft', startedAt: '2026-05-01T01:00:00.000Z', endedAt: '2026-05-04T06:30:00.000Z' },
    { state: 'platform_review', startedAt: '2026-05-04T06:30:00.000Z', endedAt: null },
  ];
  return {
    id: 'app-1',
    owner: 'o-filer-a',
    kind: 'new',
    cancelScope: null,
    baseId: null,
    state: 'platform_review',
    version: 3,
    form: personalForm(),
    createdAt: '2026-05-01T01:00:00.000Z',
    updatedAt: '2026-05-04T06:30:00.000Z',
    submittedAt: '2026-05-04T06:30:00.000Z',
    due: { stage: 'platform_review', at: '2026-05-06T15:59:59.999Z' },
    overdueSince: null,
    sms: null,
    reasons: [],
    recordNumber: null,
    timeline,
    ...overrides,
  };
}

export function filerView(app: Application): FilingView {
  const { owner: _owner, ...view } = app;
  return view;
}

export function filingDetail(
  app: Application,
  extra: { eta?: StageEta | null; todo?: Partial<Todo> } = {},
): DataOf<'filing', 'filing.get'> {
  return {
    filing: filerView(app),
    timeline: app.timeline,
    eta: extra.eta ?? null,
    todo: { title: '等待平台初审', detail: '平台正在核对你的信息。', actions: [], ...extra.todo },
    recognitions: [],
  };
}

type ReviewDetail = DataOf<'admin', 'filing.get'>;

/** The admin `filing.get` answer for an application: nothing else recorded unless `extra` says. */
export function reviewDetail(app: Application, extra: Partial<ReviewDetail> = {}): ReviewDetail {
  return {
    filing: app,
    timeline: app.timeline,
    audit: [],
    openings: [],
    media: {},
    check: { errors: [], warnings: [] },
    related: { items: [], quota: { used: 1, limit: 5 } },
    recognitions: [],
    ...extra,
  };
}

export function summary(overrides: Partial<FilingSummary> = {}): FilingSummary {
  return {
    id: 'app-1',
    kind: 'new',
    cancelScope: null,
    state: 'platform_review',
    version: 3,
    subjectName: '张三',
    miniprogramName: '张三的记账本',
    recordNumber: null,
    createdAt: '2026-05-01T01:00:00.000Z',
    updatedAt: '2026-05-04T06:30:00.000Z',
    submittedAt: '2026-05-04T06:30:00.000Z',
    due: null,
    overdue: false,
    ...overrides,
  };
}

export function queueItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    ...summary(),
    principalName: '张三',
    principalIdMasked: '110105********1239',
    principalMobileMasked: '138****8000',
    ...overrides,
  };
}

export function ok<D>(data: D): Envelope<D> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** The 审核台's per-state counts: 0 for every state but those given. */
export function counts(some: Partial<StateCounts> = {}): StateCounts {
  const all = Object.fromEntries(FILING_STATES.map((state) => [state, 0])) as StateCounts;
  return { ...all, ...some };
}
