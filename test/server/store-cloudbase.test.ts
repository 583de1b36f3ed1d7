import { relatedKeys } from '@beian/core';
import { CloudbaseStore } from '../../server/cloudbase/store';
import { fakeCloudDb } from './doubles/cloud-db';
import { describePlatformRecordsContract } from './platform-records.contract';
import { describeRelatedContract } from './store-related.contract';
import { describeStoreContract } from './store.contract';
import { application } from './helpers/applications';

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

describe('cloudbase: applications from before the cross-record fields', () => {
  it('are given them by setup, only where nobody wrote meanwhile, and then found', async () => {
    const db = fakeCloudDb({ throwOnNotFound: false });
    const store = new CloudbaseStore(db);
    await store.setup();
    const old = application({ state: 'filed' });
    // As an older version wrote it: the index fields of then, without the four new ones.
    await db.collection('applications').add({
      data: { _id: old.id, owner: old.owner, state: old.state, version: old.version, app: old },
    });
    expect((await store.relatedFilings(relatedKeys(old.form), 10)).applications).toEqual([]);
    // Written before the search tokens too: both backfills report it.
    expect(await store.setup()).toEqual([
      'applications.searchTokens',
      'applications: 1 条申请补齐了关联字段，请再运行一次直到不再出现',
    ]);
    expect((await store.relatedFilings(relatedKeys(old.form), 10)).applications).toEqual([old]);
    expect(await store.setup()).toEqual([]);
  });
});
