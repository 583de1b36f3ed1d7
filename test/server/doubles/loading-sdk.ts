/**
 * wx-server-sdk as far as a function needs it to load and answer: a client call from o-filer-a and
 * nothing behind the database. For the suites that test what loads and the envelope it answers,
 * not storage; each mocks the module with it (`jest.mock` factories may only require).
 */
export function loadingSdk() {
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: jest.fn(),
    getWXContext: () => ({ OPENID: 'o-filer-a', SOURCE: 'wx_client' }),
    database: () => ({}),
    openapi: { subscribeMessage: { send: jest.fn() } },
    getTempFileURL: jest.fn(),
  };
}
