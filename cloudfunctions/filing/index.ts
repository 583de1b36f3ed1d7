import { cloudbaseDeps } from '../../server/cloudbase/deps';
import { cloudbaseMain } from '../../server/cloudbase/entry';
import { filing } from '../../server/functions/filing';

export const main = cloudbaseMain(filing, cloudbaseDeps);
