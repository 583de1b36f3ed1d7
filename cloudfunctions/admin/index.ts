import { cloudbaseDeps } from '../../server/cloudbase/deps';
import { cloudbaseMain } from '../../server/cloudbase/entry';
import { admin } from '../../server/functions/admin';

export const main = cloudbaseMain(admin, cloudbaseDeps);
