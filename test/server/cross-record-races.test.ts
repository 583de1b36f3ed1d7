/**
 * Two submits that each pass alone but together break a cross-record rule, sent at once: exactly
 * one lands, and the other is refused with the finding it would have met a moment later (the
 * commit's key revisions, store/types.ts KeyGuard), on both stores.
 */
import type { Envelope, FilingForm, FilingView } from '@beian/core';
import { anotherMiniprogram, enterpriseForm, personalForm } from '../fixtures/forms';
import { draftOf, holding, submit } from './helpers/cross-record';
import { OWNER, STORES, useHarness } from './helpers/harness';

type Answer = Envelope<{ filing: FilingView }>;

function outcome(answers: Answer[]): string[] {
  return answers
    .map((answer) =>
      answer.ok ? 'ok' : `${answer.error.code} ${answer.error.fields?.map((f) => f.code).join(',') ?? ''}`,
    )
    .sort();
}

describe.each(STORES)('concurrent submits on %s', (kind) => {
  const h = useHarness(kind);

  async function race(a: ['owner' | 'other', FilingForm], b: ['owner' | 'other', FilingForm]) {
    const first = await draftOf(h, a[0], a[1]);
    const second = await draftOf(h, b[0], b[1]);
    return Promise.all([submit(h, a[0], first), submit(h, b[0], second)]);
  }

  it('lets one of two filers open an application for one AppID', async () => {
    const answers = await race(['owner', personalForm()], ['other', anotherMiniprogram(enterpriseForm())]);
    expect(outcome(answers)).toEqual(['ok', 'ok']);
    const appid = 'wx00000000feedbeef';
    const same = (form: FilingForm) => ({ ...form, miniprogram: { ...form.miniprogram, appid } });
    const clash = await race(['owner', same(anotherMiniprogram())], ['other', same(enterpriseForm())]);
    expect(outcome(clash)).toEqual(['VALIDATION miniprogram.open_order', 'ok']);
  });

  it('keeps a person at 5 mini-programs when the fifth and sixth are submitted at once', async () => {
    for (let i = 0; i < 4; i += 1) await holding(h, anotherMiniprogram(), 'filed', OWNER);
    const answers = await race(['owner', anotherMiniprogram()], ['owner', anotherMiniprogram()]);
    expect(outcome(answers)).toEqual(['VALIDATION subject.quota', 'ok']);
  });

  it('lets one of two subjects take a mobile', async () => {
    const mobile = '13100131000';
    const person = personalForm();
    const mine: FilingForm = {
      ...person,
      subject: { ...person.subject, principal: { ...person.subject.principal, mobile } },
    };
    const enterprise = enterpriseForm();
    const taking: FilingForm = {
      ...enterprise,
      subject: {
        ...enterprise.subject,
        principal: { ...enterprise.subject.principal, mobile: '13200132000' },
      },
      miniprogram: { ...enterprise.miniprogram, principal: { ...enterprise.miniprogram.principal, mobile } },
    };
    const answers = await race(['owner', mine], ['other', taking]);
    expect(outcome(answers)).toEqual(['VALIDATION mobile.other_subject', 'ok']);
  });
});
