import {
  describePlatformSetting,
  PLATFORM_VARIABLES,
  readPlatformConfig,
} from '../../../server/wechat/config';

const FULL = {
  BEIAN_WECHAT_COMPONENT_APPID: 'wx0123456789abcdef',
  BEIAN_WECHAT_COMPONENT_APPSECRET: 'secret-value-never-shown',
  BEIAN_WECHAT_MESSAGE_TOKEN: 'token-value-never-shown',
  BEIAN_WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

describe('platform configuration', () => {
  it('nothing set: the manual channel, on purpose, with nothing reported missing', () => {
    const setting = readPlatformConfig({});
    expect(setting).toEqual({ configured: false, missing: [], problems: [] });
    expect(describePlatformSetting(setting)).toContain('所有申请走人工渠道');
  });

  it('all four set: configured against WeChat by default', () => {
    const setting = readPlatformConfig(FULL);
    expect(setting.configured && setting.config.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('the emulator or a proxy can stand in through the base URL', () => {
    const setting = readPlatformConfig({
      ...FULL,
      BEIAN_WECHAT_API_BASE: 'http://127.0.0.1:8787/_/wechat/api/',
    });
    expect(setting.configured && setting.config.apiBase).toBe('http://127.0.0.1:8787/_/wechat/api');
  });

  it('some set: names exactly the missing variables, never a value', () => {
    const { BEIAN_WECHAT_MESSAGE_TOKEN: _t, BEIAN_WECHAT_ENCODING_AES_KEY: _k, ...some } = FULL;
    const setting = readPlatformConfig(some);
    expect(setting).toMatchObject({
      configured: false,
      missing: [PLATFORM_VARIABLES.token, PLATFORM_VARIABLES.encodingAesKey],
    });
    const said = describePlatformSetting(setting);
    expect(said).toContain('BEIAN_WECHAT_MESSAGE_TOKEN');
    expect(said).not.toContain('secret-value-never-shown');
  });

  it('a malformed EncodingAESKey is a problem named by its variable, not by its value', () => {
    const setting = readPlatformConfig({ ...FULL, BEIAN_WECHAT_ENCODING_AES_KEY: 'too-short' });
    expect(setting.configured).toBe(false);
    const said = describePlatformSetting(setting);
    expect(said).toContain('BEIAN_WECHAT_ENCODING_AES_KEY 应为 43 位');
    expect(said).not.toContain('too-short');
  });
});
