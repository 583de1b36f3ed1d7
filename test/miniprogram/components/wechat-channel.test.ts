/**
 * The summary tells the filer which channel their filing takes, and hands them the authorization
 * links to copy when their mini-program has not authorized Beian yet.
 */
import 'miniprogram-simulate';
import type { PlatformAuthorization } from '@beian/core';
import { fakeCloud } from '../../helpers/cloud';
import { render, sleep, tap } from '../../helpers/simulate';

const LINKS = {
  link: 'https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wxc&pre_auth_code=p1',
  mobileLink: 'https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&pre_auth_code=p1',
  expiresAt: '2026-12-06T09:00:00.000Z',
};

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i += 1) await sleep(0);
}

function answering(answer: Omit<PlatformAuthorization, 'appid'>) {
  return fakeCloud({
    filing: { 'platform.authorization': ({ appid }) => ({ ok: true, data: { appid, ...answer } }) },
  });
}

describe('wechat-channel', () => {
  it('offers the links to copy while the mini-program has not authorized Beian', async () => {
    answering({
      status: 'unauthorized',
      links: LINKS,
      message: '该小程序尚未授权备案助手。请复制授权链接发给小程序管理员',
    });
    const card = render('components/wechat-channel/index', { appid: 'wx00000000000000d1' });
    await settle();
    expect(card.dom?.textContent).toContain('小程序尚未授权备案助手');
    const clipboard = jest.spyOn(wx, 'setClipboardData');
    tap(card, '#copy-mobile');
    tap(card, '#copy-computer');
    await settle();
    expect(clipboard.mock.calls.map(([options]) => (options as { data: string }).data)).toEqual([
      LINKS.mobileLink,
      LINKS.link,
    ]);
  });

  it('says Beian files through WeChat once the mini-program has authorized it', async () => {
    answering({ status: 'authorized', links: null, message: '该小程序已授权备案助手' });
    const card = render('components/wechat-channel/index', { appid: 'wx00000000000000d2' });
    await settle();
    expect(card.dom?.textContent).toContain('由备案助手向微信提交');
    expect(card.querySelector('#copy-mobile')).toBeFalsy();
  });

  it('shows nothing where the deployment is not a platform, nor for an appid not yet complete', async () => {
    const cloud = answering({ status: 'unavailable', links: null, message: '本服务未接入微信第三方平台' });
    const manual = render('components/wechat-channel/index', { appid: 'wx00000000000000d3' });
    const typing = render('components/wechat-channel/index', { appid: 'wx0000' });
    await settle();
    expect(manual.querySelector('#wechat-channel')).toBeFalsy();
    expect(typing.querySelector('#wechat-channel')).toBeFalsy();
    expect(cloud.callsOf('filing', 'platform.authorization')).toEqual([{ appid: 'wx00000000000000d3' }]);
  });
});
