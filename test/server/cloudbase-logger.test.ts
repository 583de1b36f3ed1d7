/**
 * What an operator reads in a deployed function's log (the platform keeps its console lines).
 */
import { consoleLogger } from '../../server/cloudbase/logger';

function logged(): { out: { log: jest.Mock; error: jest.Mock }; lines: () => unknown[][] } {
  const out = { log: jest.fn(), error: jest.fn() };
  return { out, lines: () => out.error.mock.calls };
}

it('logs a warning without an error as its line alone, not followed by "undefined"', () => {
  const { out, lines } = logged();
  consoleLogger(out).error('订阅消息模板 ID 仍是占位值（progress），请在 BEIAN_TEMPLATES 中配置。');
  expect(lines()).toStrictEqual([['订阅消息模板 ID 仍是占位值（progress），请在 BEIAN_TEMPLATES 中配置。']]);
});

it("follows a failure's line with the error's stack, or with the value thrown", () => {
  const { out, lines } = logged();
  const failure = new Error('database timeout');
  consoleLogger(out).error('tick: sweep failed', failure);
  consoleLogger(out).error('wechat intake failed', { errcode: 61004 });
  expect(lines()).toEqual([
    ['tick: sweep failed', failure.stack],
    ['wechat intake failed', { errcode: 61004 }],
  ]);
});

it('logs information to stdout', () => {
  const { out } = logged();
  consoleLogger(out).info('setup: created applications');
  expect(out.log).toHaveBeenCalledWith('setup: created applications');
  expect(out.error).not.toHaveBeenCalled();
});
