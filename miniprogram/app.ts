import { cloudEnv } from './cloud-env';
import { watchPrivacy } from './services/privacy';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    watchPrivacy();
    // wx.cloud exists only in base library ≥ 2.2.3; services/ reports its absence where it is used.
    if (!wx.cloud) return;
    const env = cloudEnv();
    if (!env) console.warn('cloud-env.ts 未配置此版本的云环境：使用账号的默认环境');
    wx.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  },
});
