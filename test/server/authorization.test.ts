/**
 * The authorization matrix: every action of every function × every kind of caller → allowed, or
 * the exact refusal, and a refusal writes nothing. The application of each row belongs to the
 * owner and is in the state its action needs, so "allowed" means the call really succeeds.
 */
import type { ActionName, ErrorCode, FunctionName } from '@beian/core';
import { CONFLICTS, conflicted, DECISIONS } from './helpers/conflicts';
import { fileTo, harness, OWNER, type Harness, type Who } from './helpers/harness';

type Stage = 'none' | 'draft' | 'platform_review' | 'sms_verification' | 'authority_review';
type Outcome = 'ok' | ErrorCode;

interface Row {
  stage: Stage;
  params: (app: { id: string; version: number } | null) => Record<string, unknown>;
  expect: Record<Exclude<Who, 'timer'>, Outcome>;
}

const versioned = (app: { id: string; version: number } | null) => ({ id: app?.id, version: app?.version });
const byId = (app: { id: string } | null) => ({ id: app?.id });
const none = () => ({});
const OWN_FILE = `cloud://env-test.7465-env-test/filings/${OWNER}/id-front.jpg`;

const USERS_ONLY = {
  owner: 'ok',
  other: 'ok',
  admin: 'ok',
  operator: 'UNAUTHENTICATED',
  badKey: 'UNAUTHENTICATED',
  nobody: 'UNAUTHENTICATED',
} as const;
const OWNER_ONLY = { ...USERS_ONLY, other: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
const REVIEWERS = {
  owner: 'FORBIDDEN',
  other: 'FORBIDDEN',
  admin: 'ok',
  operator: 'ok',
  badKey: 'UNAUTHENTICATED',
  nobody: 'UNAUTHENTICATED',
} as const;
const OPERATOR = { ...REVIEWERS, admin: 'FORBIDDEN' } as const;

/** Typed by the contract: an action missing here is a compile error, so the matrix stays complete. */
const MATRIX: { [F in FunctionName]: Record<ActionName<F>, Row> } = {
  filing: {
    'session.get': { stage: 'none', params: none, expect: USERS_ONLY },
    'draft.create': { stage: 'none', params: () => ({ kind: 'new' }), expect: USERS_ONLY },
    'draft.save': {
      stage: 'draft',
      params: (a) => ({ ...versioned(a), patch: { 'subject.comment': '备注' } }),
      expect: OWNER_ONLY,
    },
    'filing.check': { stage: 'draft', params: byId, expect: OWNER_ONLY },
    'filing.submit': {
      stage: 'draft',
      params: (a) => ({ ...versioned(a), requestId: 'matrix-0001' }),
      expect: OWNER_ONLY,
    },
    'filing.withdraw': { stage: 'platform_review', params: versioned, expect: OWNER_ONLY },
    'filing.get': { stage: 'draft', params: byId, expect: OWNER_ONLY },
    'filing.list': { stage: 'draft', params: none, expect: USERS_ONLY },
    'sms.resend': { stage: 'sms_verification', params: versioned, expect: OWNER_ONLY },
    'sms.confirm': { stage: 'sms_verification', params: versioned, expect: OWNER_ONLY },
    // The harness files on the manual channel: only its owner gets as far as the state check.
    'face.retry': {
      stage: 'platform_review',
      params: versioned,
      expect: { ...OWNER_ONLY, owner: 'INVALID_STATE' },
    },
    // Unscripted, WeChat's OCR reads nothing: the owner gets as far as the photo.
    'certificate.recognize': {
      stage: 'draft',
      params: (a) => ({ ...byId(a), field: 'subject.principal.certificate.photoFront' }),
      expect: { ...OWNER_ONLY, owner: 'VALIDATION' },
    },
    'subscription.record': {
      stage: 'none',
      params: () => ({ results: { x: 'reject' } }),
      expect: USERS_ONLY,
    },
    'media.url': {
      stage: 'none',
      params: () => ({ fileIds: [OWN_FILE] }),
      expect: { ...USERS_ONLY, other: 'VALIDATION', admin: 'VALIDATION' },
    },
    'tables.get': { stage: 'none', params: () => ({ version: 'builtin-0' }), expect: USERS_ONLY },
    'platform.authorization': {
      stage: 'none',
      params: () => ({ appid: 'wx0123456789abcdef' }),
      expect: USERS_ONLY,
    },
    'file.register': {
      stage: 'none',
      params: () => ({ fileId: OWN_FILE, field: 'subject.principal.certificate.photoFront' }),
      expect: { ...USERS_ONLY, other: 'VALIDATION', admin: 'VALIDATION' },
    },
  },
  admin: {
    'queue.list': { stage: 'platform_review', params: none, expect: REVIEWERS },
    'filing.get': { stage: 'platform_review', params: byId, expect: REVIEWERS },
    'review.approve': { stage: 'platform_review', params: versioned, expect: REVIEWERS },
    'wechat.retry': {
      stage: 'platform_review',
      params: versioned,
      expect: { ...REVIEWERS, admin: 'INVALID_STATE', operator: 'INVALID_STATE' },
    },
    'review.reject': {
      stage: 'platform_review',
      params: (a) => ({
        ...versioned(a),
        reasons: [{ field: 'subject.name', error: '与证件不一致', suggest: '' }],
      }),
      expect: REVIEWERS,
    },
    'authority.reject': {
      stage: 'authority_review',
      params: (a) => ({
        ...versioned(a),
        reasons: [{ field: 'miniprogram.comment', error: '描述不清', suggest: '写明主要功能' }],
      }),
      expect: REVIEWERS,
    },
    'sms.record': { stage: 'sms_verification', params: versioned, expect: REVIEWERS },
    'authority.approve': {
      stage: 'authority_review',
      params: (a) => ({ ...versioned(a), recordNumber: '京ICP备2026012345号-1X' }),
      expect: REVIEWERS,
    },
    'stats.get': { stage: 'none', params: none, expect: REVIEWERS },
    'admins.add': {
      stage: 'none',
      params: () => ({ openid: 'o-new-admin', name: '新审核员' }),
      expect: OPERATOR,
    },
    'admins.remove': { stage: 'none', params: () => ({ openid: 'o-admin-1' }), expect: OPERATOR },
    'admins.list': { stage: 'none', params: none, expect: OPERATOR },
    'setup.run': { stage: 'none', params: none, expect: OPERATOR },
  },
  scheduler: {
    tick: { stage: 'sms_verification', params: none, expect: { ...OPERATOR, admin: 'FORBIDDEN' } },
  },
};

const ROWS = (Object.keys(MATRIX) as FunctionName[]).flatMap((fn) =>
  Object.entries(MATRIX[fn] as Record<string, Row>).map(([action, row]) => ({ ...row, fn, action })),
);

const CALLERS: Exclude<Who, 'timer'>[] = ['owner', 'other', 'admin', 'operator', 'badKey', 'nobody'];

const cases = ROWS.flatMap((row) =>
  CALLERS.map((who) => [`${row.fn} ${row.action}`, who, row.expect[who], row] as const),
);

describe('authorization matrix', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it.each(cases)('%s as %s → %s', async (_name, who, outcome, row) => {
    h = await harness();
    const app = row.stage === 'none' ? null : await fileTo(h, row.stage);
    const before = h.snapshot();
    const answer = await h.as(who).call(row.fn, { action: row.action, ...row.params(app) });
    if (outcome === 'ok') {
      expect(answer).toMatchObject({ ok: true });
    } else {
      expect(answer).toMatchObject({ ok: false, error: { code: outcome } });
      expect(h.snapshot()).toEqual(before);
    }
  });

  // Separation of duties: the same decisions on an application the admin may not decide (their
  // own, or their registered mobile on a principal). Only the admin's outcome differs from REVIEWERS.
  const conflictCases = CONFLICTS.flatMap((conflict) =>
    DECISIONS.flatMap((decision) =>
      CALLERS.map((who) => {
        const outcome: Outcome = who === 'admin' ? 'FORBIDDEN' : REVIEWERS[who];
        return [`admin ${decision.action} (${conflict} conflict)`, who, outcome, conflict, decision] as const;
      }),
    ),
  );

  it.each(conflictCases)('%s as %s → %s', async (_name, who, outcome, conflict, decision) => {
    h = await harness();
    const app = await conflicted(h, conflict, decision.stage);
    const before = h.snapshot();
    const answer = await h.as(who).call('admin', { action: decision.action, ...decision.params(app) });
    if (outcome === 'ok') {
      expect(answer).toMatchObject({ ok: true });
    } else {
      expect(answer).toMatchObject({ ok: false, error: { code: outcome } });
      expect(h.snapshot()).toEqual(before);
    }
  });

  // Reviewers see submitted applications only: a draft is refused by the queue and answers like a
  // missing application, for the operator too; callers who are no reviewer are refused as before.
  const DRAFT_ROWS = [
    { action: 'queue.list', params: () => ({ state: 'draft' }), reviewers: 'BAD_REQUEST' },
    { action: 'filing.get', params: byId, reviewers: 'NOT_FOUND' },
    { action: 'review.approve', params: versioned, reviewers: 'NOT_FOUND' },
  ] as const;
  const draftCases = DRAFT_ROWS.flatMap((row) =>
    CALLERS.map((who) => {
      const outcome: Outcome = who === 'admin' || who === 'operator' ? row.reviewers : REVIEWERS[who];
      return [`admin ${row.action} on a draft`, who, outcome, row] as const;
    }),
  );

  it.each(draftCases)('%s as %s → %s', async (_name, who, outcome, row) => {
    h = await harness();
    const app = await fileTo(h, 'draft');
    const before = h.snapshot();
    const answer = await h.as(who).call('admin', { action: row.action, ...row.params(app) });
    expect(answer).toMatchObject({ ok: false, error: { code: outcome } });
    expect(h.snapshot()).toEqual(before);
  });

  it('runs the scheduler for its timer trigger and refuses a user who forges a timer event', async () => {
    h = await harness();
    expect(await h.as('timer').scheduler()).toMatchObject({ ok: true });
    const forged = await h.as('owner').call('scheduler', { Type: 'Timer', TriggerName: 'everyMinute' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
