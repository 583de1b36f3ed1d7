import { cloudbaseDeps } from '../../server/cloudbase/deps';
import { cloudbaseHttpMain } from '../../server/cloudbase/entry';
import { wechat } from '../../server/functions/wechat';

export const main = cloudbaseHttpMain(wechat, cloudbaseDeps);
