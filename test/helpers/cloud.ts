/**
 * A `wx.cloud` stand-in that the test controls: each action answers from a handler the test
 * gives (typed from the contract), every call is recorded, and an action without a handler fails
 * the way a missing function would — loudly, so a page calling something unexpected is noticed.
 */
import type { ActionName, DataOf, Envelope, FunctionName, ParamsOf } from '@beian/core';

type Handler<F extends FunctionName, A extends ActionName<F>> = (
  params: ParamsOf<F, A>,
) => Envelope<DataOf<F, A>> | Promise<Envelope<DataOf<F, A>>>;

export type CloudHandlers = {
  [F in FunctionName]?: { [A in ActionName<F>]?: Handler<F, A> };
};

export interface RecordedCall {
  name: string;
  action: string;
  params: Record<string, unknown>;
}

export interface UploadRecord {
  cloudPath: string;
  filePath: string;
}

export interface FakeCloud {
  calls: RecordedCall[];
  uploads: UploadRecord[];
  /** Calls of one action, in order. */
  callsOf(name: string, action: string): Record<string, unknown>[];
  /** Replace or add handlers (per action) while a test runs. */
  answer(handlers: CloudHandlers): void;
}

export function fakeCloud(handlers: CloudHandlers = {}): FakeCloud {
  const table: CloudHandlers = { ...handlers };
  const calls: RecordedCall[] = [];
  const uploads: UploadRecord[] = [];
  const cloud = {
    init: jest.fn(),
    callFunction: jest.fn(async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
      const { action, ...params } = data as { action: string } & Record<string, unknown>;
      calls.push({ name, action, params });
      const byFunction = table[name as FunctionName] as Record<string, (p: unknown) => unknown> | undefined;
      const handler = byFunction?.[action];
      if (!handler) throw new Error(`fakeCloud: no handler for ${name} ${action}`);
      return { errMsg: 'cloud.callFunction:ok', result: await handler(params) };
    }),
    uploadFile: jest.fn(async ({ cloudPath, filePath }: UploadRecord) => {
      uploads.push({ cloudPath, filePath });
      return { errMsg: 'cloud.uploadFile:ok', statusCode: 200, fileID: `cloud://test-env/${cloudPath}` };
    }),
  };
  (wx as unknown as { cloud: typeof cloud }).cloud = cloud;
  return {
    calls,
    uploads,
    callsOf: (name, action) =>
      calls.filter((c) => c.name === name && c.action === action).map((c) => c.params),
    answer: (more) => {
      for (const fn of Object.keys(more) as FunctionName[]) {
        (table as Record<string, unknown>)[fn] = { ...table[fn], ...more[fn] };
      }
    },
  };
}
