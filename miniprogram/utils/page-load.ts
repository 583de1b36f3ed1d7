/**
 * What the pages that read from the server share (docs/architecture.md § The pages): one `load`
 * status in their data, the state of an instance that is not rendered, and the lifecycle of a page
 * that shows server data — read again when the user comes back to it, and on pull-down.
 */
import type { Envelope, ErrorCode, Failure } from '@beian/core';
import { showFailure } from './feedback';

/**
 * A page's load status, one field: a spinner, the content, or why it could not load. One union
 * rather than a `loading` flag beside a `loadError` text, so WXML cannot show both at once and a
 * page cannot forget to clear one when it sets the other.
 */
export type Load =
  | { status: 'loading' }
  | { status: 'ready' }
  /** `retry`: whether reading again could change the answer (partials/load-state.wxml shows 重试). */
  | { status: 'failed'; message: string; retry: boolean };

export const LOADING: Load = { status: 'loading' };
export const READY: Load = { status: 'ready' };

/** Answers that reading the same thing again cannot change: no 重试 under them. */
const FINAL: readonly ErrorCode[] = ['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND'];

/** Why the page could not load, from the page itself (e.g. its link lacks the id): final. */
export function loadFailed(message: string): Load {
  return { status: 'failed', message, retry: false };
}

/** Why the page could not load, from the server's answer. */
export function loadRefused(error: Failure): Load {
  return { status: 'failed', message: error.message, retry: !FINAL.includes(error.code) };
}

/**
 * Reads the one application a page is about (`?id=`) and hands it to `show`; or shows why not —
 * the id is missing (`missing` says where to come in from) or the server refused, which a toast
 * says too. Answers whether it was shown.
 */
export async function readForPage<T>(
  page: { setData(patch: Record<string, unknown>): void },
  id: string,
  missing: string,
  read: (id: string) => Promise<Envelope<T>>,
  show: (answer: T) => void,
): Promise<boolean> {
  if (!id) {
    page.setData({ load: loadFailed(missing) });
    return false;
  }
  const answer = await read(id);
  if (answer.ok) {
    show(answer.data);
    return true;
  }
  page.setData({ load: loadRefused(answer.error) });
  showFailure(answer.error);
  return false;
}

/**
 * State of one page or component instance that is not rendered (a timer, a submitter, the
 * controller): a typed slot per instance, made on first use and gone with the instance. Kept out
 * of `data` because setData would copy it to the view layer; kept here because WeChat's instance
 * type has no room for fields of our own.
 */
export function instanceState<T>(create: () => T): (instance: object) => T {
  const slots = new WeakMap<object, T>();
  return (instance) => {
    const found = slots.get(instance);
    if (found !== undefined) return found;
    const made = create();
    slots.set(instance, made);
    return made;
  };
}

/** What a page using `reloadingPage` provides. */
interface Reloading {
  setData(patch: Record<string, unknown>): void;
  /** Reads the page's data from the server; the page sets `load` by the answer (as runMove expects). */
  load(): Promise<void>;
  /** Called on every show before any reload; `again` is false on the show that follows onLoad. */
  pageShown?(again: boolean): void;
}

const shows = instanceState(() => ({ count: 0 }));

/**
 * A page of server data that reads again when asked: pull-down reads again and then stops the
 * spinner; 重试 after a failure (partials/load-state.wxml) shows the spinner and reads again. A
 * page using it defines neither onPullDownRefresh nor onRetry itself (its own would replace these).
 */
export const retryingPage = Behavior({
  methods: {
    // `this` named: the type checker of the tests (DOM lib) would not infer it here.
    async onPullDownRefresh(this: Reloading): Promise<void> {
      await this.load();
      void wx.stopPullDownRefresh();
    },
    onRetry(this: Reloading): void {
      this.setData({ load: LOADING });
      void this.load();
    },
  },
});

/**
 * A retrying page that also reads again on every show after the first: the user usually comes
 * back from a page that moved things on. onLoad is the page's own (it reads its query and calls
 * `load`); the page defines no onShow.
 */
export const reloadingPage = Behavior({
  behaviors: [retryingPage],
  methods: {
    onShow(this: Reloading): void {
      const seen = shows(this);
      seen.count += 1;
      const again = seen.count > 1;
      this.pageShown?.(again);
      if (again) void this.load();
    },
  },
});
