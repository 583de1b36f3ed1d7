import { CloudbaseStore } from '../../server/cloudbase/store';
import { fakeCloudDb } from './doubles/cloud-db';
import { describeStoreContract } from './store.contract';

describeStoreContract('cloudbase on the wx-server-sdk database double', async () => {
  const db = fakeCloudDb({ throwOnNotFound: false });
  return {
    store: new CloudbaseStore(db),
    maxPage: () => db.stats.maxLimit,
    cleanup: async () => undefined,
  };
});
