import { CloudbaseStore } from '../../server/cloudbase/store';
import { fakeCloudDb } from './doubles/cloud-db';
import { describePlatformRecordsContract } from './platform-records.contract';
import { describeRelatedContract } from './store-related.contract';
import { describeStoreContract } from './store.contract';

function openCloudbase() {
  const db = fakeCloudDb({ throwOnNotFound: false });
  return {
    store: new CloudbaseStore(db),
    maxPage: () => db.stats.maxLimit,
    cleanup: async () => undefined,
  };
}

describeStoreContract('cloudbase on the wx-server-sdk database double', async () => openCloudbase());
describeRelatedContract('cloudbase on the wx-server-sdk database double', async () => openCloudbase());
describePlatformRecordsContract('cloudbase on the wx-server-sdk database double', async () =>
  openCloudbase(),
);
