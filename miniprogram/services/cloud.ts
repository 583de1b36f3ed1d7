/**
 * The one caller of `wx.cloud.callFunction`: typed from the shared contract, so a page asks for
 * `call('filing', 'draft.save', {...})` and gets `Envelope<data>` — never an untyped `res.result`,
 * and never a throw (a network failure is an envelope too).
 */
import type { ActionName, DataOf, Envelope, FunctionName, ParamsOf } from '@beian/core';

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  params: ParamsOf<F, A>,
): Promise<Envelope<DataOf<F, A>>> {
  if (!wx.cloud) return offline('当前微信版本不支持云开发，请升级微信后重试。');
  try {
    const response = await wx.cloud.callFunction({ name: fn, data: { action, ...(params as object) } });
    const result = response.result;
    if (isEnvelope(result)) return result as Envelope<DataOf<F, A>>;
    return offline('服务返回了无法识别的结果，请稍后重试。');
  } catch {
    return offline('网络异常，请检查网络后重试。你填写的内容已保留。');
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'data' in candidate;
  return candidate.ok === false && typeof candidate.error?.message === 'string';
}

function offline(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
