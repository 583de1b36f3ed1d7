/**
 * services/tables.ts: the form's tables come from the server once per app run, are cached in wx
 * storage with their version, are asked for again with that version (a null answer keeps them),
 * and are the bundled ones offline. The pickers show what the service holds.
 */
import { BUILT_IN_TABLES, tablesFromWeChat, type FilingTables } from '@beian/core';
import { fakeCloud, type FakeCloud } from '../helpers/cloud';
import { render } from '../helpers/simulate';
import { WECHAT_ONLY_NRLX, wechatItems } from '../fixtures/wechat-tables';
import type * as TablesService from '../../miniprogram/services/tables';

type Service = typeof TablesService;

const WECHAT = tablesFromWeChat(wechatItems());

/** wx storage as a map (the simulator's does not keep anything). */
function memoryStorage(): Map<string, unknown> {
  const storage = new Map<string, unknown>();
  jest.spyOn(wx, 'getStorageSync').mockImplementation((key: string) => storage.get(key) ?? '');
  jest.spyOn(wx, 'setStorageSync').mockImplementation((key: string, value: unknown) => {
    // Stored as JSON, as WeChat does: what comes back is data, not the same object.
    storage.set(key, JSON.parse(JSON.stringify(value)));
  });
  return storage;
}

/** The service as a new app run loads it. */
async function appRun(): Promise<Service> {
  jest.resetModules();
  return import('../../miniprogram/services/tables');
}

/** A server whose current tables are `current`, answering as tables.get does. */
function server(current: FilingTables): FakeCloud {
  return fakeCloud({
    filing: {
      'tables.get': ({ version }) => ({
        ok: true,
        data: { version: current.version, tables: version === current.version ? null : current },
      }),
    },
  });
}

afterEach(() => jest.restoreAllMocks());

describe('the tables service', () => {
  it('uses the bundled tables offline, and caches nothing', async () => {
    const storage = memoryStorage();
    fakeCloud({});
    const service = await appRun();
    expect((await service.refreshTables()).version).toBe(BUILT_IN_TABLES.version);
    expect(service.currentTables()).toBe(service.builtInTables());
    expect(storage.size).toBe(0);
  });

  it('caches the server’s tables with their version, and asks with it on the next run', async () => {
    const storage = memoryStorage();
    const cloud = server(WECHAT);
    const first = await appRun();
    expect(await first.refreshTables()).toEqual(WECHAT);
    expect(cloud.callsOf('filing', 'tables.get')).toEqual([{ version: BUILT_IN_TABLES.version }]);
    expect(storage.get(first.TABLES_STORAGE_KEY)).toEqual(WECHAT);
    // Once per app run.
    await first.refreshTables();
    expect(cloud.callsOf('filing', 'tables.get')).toHaveLength(1);

    const second = await appRun();
    expect(second.currentTables()).toEqual(WECHAT);
    expect(second.currentLookup().preApprovalTypeName(WECHAT_ONLY_NRLX)).toBe('网络出版');
    const write = jest.mocked(wx.setStorageSync);
    write.mockClear();
    expect(await second.refreshTables()).toEqual(WECHAT);
    expect(cloud.callsOf('filing', 'tables.get')).toEqual([
      { version: BUILT_IN_TABLES.version },
      { version: WECHAT.version },
    ]);
    expect(write).not.toHaveBeenCalled();
  });

  it('replaces the cached tables when the server’s version differs', async () => {
    const storage = memoryStorage();
    server(WECHAT);
    await (await appRun()).refreshTables();
    const newer = tablesFromWeChat(wechatItems([{ type: 31, name: '新闻出版' }]));
    server(newer);
    const service = await appRun();
    expect(await service.refreshTables()).toEqual(newer);
    expect(service.currentLookup().preApprovalTypeName(31)).toBe('新闻出版');
    expect(storage.get(service.TABLES_STORAGE_KEY)).toEqual(newer);
  });

  it('keeps the cached tables when the server cannot be reached', async () => {
    memoryStorage();
    server(WECHAT);
    await (await appRun()).refreshTables();
    fakeCloud({});
    const service = await appRun();
    expect(await service.refreshTables()).toEqual(WECHAT);
  });

  it('is what the pickers show: a pre-approval type only WeChat’s list has', async () => {
    memoryStorage();
    server(WECHAT);
    await (await appRun()).refreshTables();
    const field = render('components/pre-approvals-field/index', {
      path: 'miniprogram.preApprovals',
      value: [],
    });
    const names = field
      .querySelectorAll('.pre-approvals__option')
      .map((option) => option.dom?.textContent ?? '');
    expect(names.some((name) => name.includes('网络出版'))).toBe(true);
  });
});
