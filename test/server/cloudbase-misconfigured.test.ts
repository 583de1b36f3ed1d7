/**
 * A deployed function whose environment variables are malformed still answers every call with the
 * contract's envelope (and says why in the log), rather than failing to load and throwing.
 */
import type { Envelope } from '@beian/core';

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  getWXContext: () => ({ OPENID: 'o-filer-a', SOURCE: 'wx_client' }),
  database: () => ({}),
  openapi: { subscribeMessage: { send: jest.fn() } },
  getTempFileURL: jest.fn(),
}));

process.env.BEIAN_TEMPLATES = '{ not json';

it('answers INTERNAL with a Chinese message and logs the configuration problem', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { main } = jest.requireActual<{ main: (event: unknown) => Promise<Envelope<unknown>> }>(
    '../../cloudfunctions/filing/index',
  );
  const answer = await main({ action: 'session.get' });
  expect(answer).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: '服务配置有误，暂时无法办理，请稍后重试或联系管理员。' },
  });
  expect(logged.mock.calls.flat().join(' ')).toContain('BEIAN_TEMPLATES');
});
