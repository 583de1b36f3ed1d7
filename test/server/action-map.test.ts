import { z } from 'zod';
import { defineFunction, MAX_EVENT_BYTES, type BaseDeps } from '../../server/action-map';
import { refuse } from '../../server/errors';

type Who = { kind: 'filer'; openid: string } | { kind: 'operator'; name: string } | { kind: 'system' };

function fixture() {
  const lines: string[] = [];
  const errors: unknown[] = [];
  const deps: BaseDeps = {
    operatorKey: 'k3y',
    logger: { info: (line) => lines.push(line), error: (line, error) => errors.push([line, error]) },
  };
  const fn = defineFunction<'scheduler', Who, BaseDeps>({
    name: 'scheduler',
    implicitAction: (event) => (event.Type === 'Timer' ? 'tick' : undefined),
    actions: {
      tick: {
        params: z.object({}).strict(),
        async run(_params, { who }) {
          if (who.kind === 'filer' && who.openid === 'boom') throw new Error('database on fire');
          if (who.kind === 'filer' && who.openid === 'refused') throw refuse.invalidState('现在不能这样做。');
          return {
            timedOut: who.kind === 'system' ? 1 : 0,
            overdueFlagged: 0,
            dispatch: { sent: 0, noConsent: 0, rejected: 0, retried: 0, failed: 0, skipped: 0 },
            tables: { status: 'skipped', version: 'builtin' },
          };
        },
      },
    },
    async identify(caller) {
      if (caller.kind === 'user') return { kind: 'filer', openid: caller.openid };
      if (caller.kind === 'operator') return { kind: 'operator', name: caller.name };
      if (caller.kind === 'trigger') return { kind: 'system' };
      throw caller.badOperatorKey ? refuse.unauthenticated() : refuse.forbidden();
    },
  });
  return { fn, deps, lines, errors };
}

const user = { openid: 'o-1', source: 'wx_client' };
const console_ = { openid: null, source: null };

describe('defineFunction', () => {
  it('answers an unknown action with BAD_REQUEST and a Chinese message', async () => {
    const { fn, deps } = fixture();
    const answer = await fn({ action: 'nope' }, user, deps);
    expect(answer).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '不支持的操作：nope' } });
  });

  it('answers a missing action, a non-object and an array with BAD_REQUEST', async () => {
    const { fn, deps } = fixture();
    for (const event of [{}, null, 'tick', 42, [1]]) {
      const answer = await fn(event, user, deps);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('BAD_REQUEST');
    }
  });

  it('turns a thrown error into INTERNAL, logs it, and never throws', async () => {
    const { fn, deps, errors } = fixture();
    const answer = await fn({ action: 'tick' }, { openid: 'boom', source: null }, deps);
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试。' } });
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as [string, Error])[1].message)).toBe('database on fire');
  });

  it('passes a refusal through with its own code', async () => {
    const { fn, deps } = fixture();
    const answer = await fn({ action: 'tick' }, { openid: 'refused', source: null }, deps);
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: '现在不能这样做。' } });
  });

  it('refuses unexpected params with the offending path', async () => {
    const { fn, deps } = fixture();
    const answer = await fn({ action: 'tick', surprise: 1 }, user, deps);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('BAD_REQUEST');
      expect(answer.error.fields?.[0]?.path).toBe('(root)');
    }
  });

  it('refuses events over 256 KB before running anything', async () => {
    const { fn, deps } = fixture();
    const answer = await fn({ action: 'tick', padding: 'x'.repeat(MAX_EVENT_BYTES) }, user, deps);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toContain('256 KB');
  });

  it('takes identity from the invocation, never from the event', async () => {
    const { fn, deps } = fixture();
    const forged = await fn({ action: 'tick', userInfo: { openId: 'someone-else' } }, console_, deps);
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('accepts an operator with the right key and refuses a wrong key', async () => {
    const { fn, deps, lines } = fixture();
    const good = await fn({ action: 'tick', operator: { name: 'ops', key: 'k3y' } }, console_, deps);
    expect(good.ok).toBe(true);
    const bad = await fn({ action: 'tick', operator: { name: 'ops', key: 'guess' } }, console_, deps);
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(lines[0]).toMatch(/^scheduler tick operator OK \d+ms$/);
    // The key never reaches a log line.
    expect(lines.join('\n')).not.toContain('k3y');
  });

  it('runs the implicit action of a timer event as the system', async () => {
    const { fn, deps } = fixture();
    const answer = await fn(
      { Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-11-28T00:00:00Z' },
      console_,
      deps,
    );
    expect(answer).toMatchObject({ ok: true, data: { timedOut: 1 } });
  });

  it('writes one log line per call with function, action, caller kind, code and time', async () => {
    const { fn, deps, lines } = fixture();
    await fn({ action: 'tick' }, user, deps);
    await fn({ action: 'nope' }, user, deps);
    expect(lines).toEqual([
      expect.stringMatching(/^scheduler tick filer OK \d+ms$/),
      expect.stringMatching(/^scheduler nope unknown BAD_REQUEST \d+ms$/),
    ]);
  });
});
