/**
 * The set-up every Store contract suite shares: a fresh store from the adapter's opener before each
 * test, set up, and closed and cleaned after it.
 */
import type { StoreHarness } from '../store.contract';

/** Registers the hooks on the enclosing block; `use` receives each test's store as it opens. */
export function openStoreEach(open: () => Promise<StoreHarness>, use: (opened: StoreHarness) => void): void {
  let opened: StoreHarness;
  beforeEach(async () => {
    opened = await open();
    use(opened);
    await opened.store.setup();
  });
  afterEach(async () => {
    await opened.store.close();
    await opened.cleanup();
  });
}
