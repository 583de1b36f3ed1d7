/**
 * What WeChat's errcodes turn into before they reach Beian's code: -1 is retried with backoff,
 * the others become a WeChatError whose kind and message tell an operator what to do.
 */
import { type WeChatError } from '../../../server/wechat/errors';
import { WeChatTransport } from '../../../server/wechat/transport';

function wechatAnswering(...answers: object[]) {
  const urls: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    urls.push(String(url));
    const answer = answers[Math.min(urls.length - 1, answers.length - 1)];
    return new Response(JSON.stringify(answer), { status: 200 });
  }) as typeof globalThis.fetch;
  const waits: number[] = [];
  const transport = new WeChatTransport({
    apiBase: 'https://api.example',
    fetch,
    sleep: async (ms) => void waits.push(ms),
  });
  return { transport, urls, waits };
}

const entrance = (t: WeChatTransport) =>
  t.call('/wxa/icp/get_icp_entrance_info', { access_token: 'T' }, null);

describe('the WeChat transport', () => {
  it('retries a busy WeChat (-1) with a growing wait, and answers once it is through', async () => {
    const wechat = wechatAnswering(
      { errcode: -1, errmsg: 'system error' },
      { errcode: -1 },
      { errcode: 0, info: { status: 2 } },
    );
    expect((await entrance(wechat.transport)).info.status).toBe(2);
    expect(wechat.urls).toHaveLength(3);
    expect(wechat.waits).toEqual([200, 800]);
  });

  it('gives up after three busy answers with a busy error', async () => {
    const wechat = wechatAnswering({ errcode: -1, errmsg: 'system error' });
    await expect(entrance(wechat.transport)).rejects.toMatchObject({ kind: 'busy', errcode: -1 });
    expect(wechat.urls).toHaveLength(3);
  });

  it('tells the operator to whitelist the egress IP on 61004, without retrying', async () => {
    const wechat = wechatAnswering({ errcode: 61004, errmsg: 'access clientip is not registered' });
    const error = (await entrance(wechat.transport).catch((e: unknown) => e)) as WeChatError;
    expect(error.kind).toBe('ip_whitelist');
    expect(error.message).toContain('白名单');
    expect(error.message).toContain('固定出口 IP');
    expect(wechat.urls).toHaveLength(1);
  });

  it('says the quota is used up on 45009, and carries any other errcode as it came', async () => {
    await expect(
      entrance(wechatAnswering({ errcode: 45009, errmsg: 'reach max api daily quota limit' }).transport),
    ).rejects.toMatchObject({ kind: 'quota' });
    await expect(
      entrance(wechatAnswering({ errcode: 86368, errmsg: 'no order' }).transport),
    ).rejects.toMatchObject({
      kind: 'other',
      errcode: 86368,
      errmsg: 'no order',
    });
  });

  it('never puts the token in an error, and calls an answer that is not JSON a transport failure', async () => {
    const fetch = (async () =>
      new Response('<html>gateway</html>', { status: 502 })) as typeof globalThis.fetch;
    const transport = new WeChatTransport({ apiBase: 'https://api.example', fetch });
    const error = (await transport
      .call('/wxa/icp/get_icp_entrance_info', { access_token: 'SECRET-TOKEN' }, null)
      .catch((e: unknown) => e)) as WeChatError;
    expect(error.kind).toBe('transport');
    expect(error.message).not.toContain('SECRET-TOKEN');
  });
});
