/**
 * A deployed function whose environment variables are malformed still answers every call with the
 * contract's envelope (and says why in the log), rather than failing to load and throwing.
 */
import type { Envelope } from '@beian/core';
import type * as LoadingSdk from './doubles/loading-sdk';

jest.mock('wx-server-sdk', () => jest.requireActual<typeof LoadingSdk>('./doubles/loading-sdk').loadingSdk());

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
