/**
 * A filer asks whether Beian may file through WeChat for their mini-program. Not yet authorized:
 * the authorization links, fresh each time (a pre-auth code lasts minutes). Any WeChat failure is
 * an `unavailable` answer with its reason: the filer can still file on the manual channel.
 */
import type { PlatformAuthorization } from '@beian/core';
import { filingParams } from '../schemas/params';
import { WeChatError } from '../wechat/errors';
import type { FilingAction } from './callers';

export const platformAuthorization: FilingAction<'platform.authorization'> = {
  params: filingParams['platform.authorization'],
  async run({ appid }, { deps }): Promise<PlatformAuthorization> {
    const platform = deps.wechat.platform;
    if (!platform) {
      return {
        appid,
        status: 'unavailable',
        links: null,
        message: '本服务未接入微信第三方平台：备案由审核员代为办理。',
      };
    }
    if (await platform.tokens.mayFile(appid)) {
      return {
        appid,
        status: 'authorized',
        links: null,
        message: '该小程序已授权备案助手：提交后由备案助手直接向微信提交备案。',
      };
    }
    try {
      const links = await platform.tokens.authorizationLinks(appid);
      return {
        appid,
        status: 'unauthorized',
        links,
        message:
          '该小程序尚未授权备案助手。请复制授权链接发给小程序管理员，在电脑浏览器或微信中打开并完成授权。',
      };
    } catch (error) {
      if (!(error instanceof WeChatError)) throw error;
      deps.logger.error(`platform.authorization: ${error.kind} ${error.errcode}`);
      return { appid, status: 'unavailable', links: null, message: `暂时无法获取授权链接：${error.message}` };
    }
  },
};
