/**
 * A submit's requestId replays the first answer to a retry of the same call — and only to that.
 * The audit's case: after a rejection and an edit, the old id answered "platform_review v3" while
 * the application stayed rejected. The same id with other params is now refused.
 */
import { fileTo, ok, useHarness } from './helpers/harness';
import { patchAt, submitAt } from './helpers/calls';

const h = useHarness('sqlite');

const REASON = {
  field: 'miniprogram.comment',
  error: '备注过于简略',
  suggest: '请写明小程序提供的服务内容，不少于 20 字',
};

it('refuses a reused requestId after a rejection and an edit, and submits nothing', async () => {
  const draft = await fileTo(h, 'draft');
  const requestId = 'submit-once-0001';
  const owner = h.as('owner');
  const first = ok(await owner.filing('filing.submit', { id: draft.id, version: draft.version, requestId }));
  const rejected = ok(
    await h
      .as('admin')
      .admin('review.reject', { id: draft.id, version: first.filing.version, reasons: [REASON] }),
  ).filing;
  const edited = ok(
    await patchAt(owner, draft.id, rejected.version, {
      'miniprogram.comment': '个人开发的记账工具，提供收支记录、分类统计和月度报表功能。',
    }),
  ).filing;
  const before = h.snapshot();

  const reused = await owner.filing('filing.submit', { id: draft.id, version: edited.version, requestId });
  expect(reused).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', message: '请求编号已用于另一操作' },
  });
  expect(h.snapshot()).toBe(before);
  expect(ok(await owner.filing('filing.get', { id: draft.id })).filing).toMatchObject({
    state: 'platform_rejected',
    version: edited.version,
  });

  // A new id submits the edited application.
  const fresh = await submitAt(owner, draft.id, edited.version, 'submit-0002');
  expect(ok(fresh).filing.state).toBe('platform_review');
});

it('still replays the first answer to a retry with the same params', async () => {
  const draft = await fileTo(h, 'draft');
  const params = { id: draft.id, version: draft.version, requestId: 'retry-same-0001' };
  const first = await h.as('owner').filing('filing.submit', params);
  const retry = await h.as('owner').filing('filing.submit', params);
  expect(retry).toEqual(first);
});
