import { cloudbaseDeps } from '../../server/cloudbase/deps';
import { cloudbaseMain } from '../../server/cloudbase/entry';
import { scheduler } from '../../server/functions/scheduler';

export const main = cloudbaseMain(scheduler, cloudbaseDeps);
