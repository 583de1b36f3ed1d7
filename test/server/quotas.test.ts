/**
 * One filer opened 2,000 drafts in 2.5 s. Open drafts are capped per filer, with a refusal the
 * filer understands; other filers and existing drafts are untouched.
 */
import { MAX_CREDITS_PER_TEMPLATE, MAX_OPEN_DRAFTS } from '../../server/app/quotas';
import { fileTo, ok, STORES, useHarness } from './helpers/harness';

const h = useHarness('sqlite');

it(`refuses a filer's draft beyond ${MAX_OPEN_DRAFTS}, and lets other filers and submitted ones count for nothing`, async () => {
  await fileTo(h, 'platform_review'); // submitted: not an open draft
  for (let i = 0; i < MAX_OPEN_DRAFTS; i += 1)
    ok(await h.as('owner').filing('draft.create', { kind: 'new' }));
  const before = h.snapshot();
  const refused = await h.as('owner').filing('draft.create', { kind: 'new' });
  expect(refused).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_STATE',
      message: expect.stringContaining(`已有 ${MAX_OPEN_DRAFTS} 份未提交的草稿`),
    },
  });
  expect(h.snapshot()).toBe(before);
  expect((await h.as('other').filing('draft.create', { kind: 'new' })).ok).toBe(true);
});

it(`keeps a filer's subscription credits at ${MAX_CREDITS_PER_TEMPLATE} per template however often they are reported`, async () => {
  const template = h.deps.templates.progress.templateId;
  let credits: Record<string, number> = {};
  for (let i = 0; i < MAX_CREDITS_PER_TEMPLATE + 5; i += 1) {
    credits = ok(
      await h.as('owner').filing('subscription.record', { results: { [template]: 'accept' } }),
    ).credits;
  }
  expect(credits[template]).toBe(MAX_CREDITS_PER_TEMPLATE);
});

/**
 * The cap was counted before the insert, so drafts created at once all passed one count. Each
 * store now admits exactly the cap however the creations interleave, and refuses the rest with
 * the same words a filer at the cap always gets.
 */
describe.each(STORES)('open drafts created at once on %s', (kind) => {
  const racing = useHarness(kind);

  it(`keeps exactly ${MAX_OPEN_DRAFTS} of ${2 * MAX_OPEN_DRAFTS} parallel draft.create calls`, async () => {
    const owner = racing.as('owner');
    const answers = await Promise.all(
      Array.from({ length: 2 * MAX_OPEN_DRAFTS }, () => owner.filing('draft.create', { kind: 'new' })),
    );
    const created = answers.filter((answer) => answer.ok);
    const refused = answers.filter((answer) => !answer.ok);
    expect(created.length).toBe(MAX_OPEN_DRAFTS);
    for (const answer of refused) {
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_STATE',
          message: expect.stringContaining(`已有 ${MAX_OPEN_DRAFTS} 份未提交的草稿`),
        },
      });
    }
    const listed = ok(await owner.filing('filing.list', { limit: 50 })).items;
    expect(listed.filter((item) => item.state === 'draft')).toHaveLength(MAX_OPEN_DRAFTS);
  });
});
