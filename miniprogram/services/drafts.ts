/**
 * Saving a draft as the filer types: changes are collected by path, debounced, and sent as a
 * `draft.save` patch of just those paths with the version the filer last saw. One save is in
 * flight at a time, because each answer carries the version the next one must send.
 *
 * A CONFLICT (the draft was saved from another device) pauses saving and keeps every unsaved path:
 * the page explains it, and `rebase` resumes on top of the newer version without losing a keystroke.
 */
import {
  isWithinPath,
  outsideLists,
  readPath,
  type DataOf,
  type Envelope,
  type Failure,
  type FilingForm,
  type FilingView,
  type FormPatch,
  type ParamsOf,
} from '@beian/core';
import { call } from './cloud';

/** Typing pauses this long before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

export interface DraftSaverOptions {
  id: string;
  version: number;
  /** The form as the page holds it now: values are read when the patch is sent, not when typed. */
  read: () => FilingForm;
  delayMs?: number;
  onSaved?: (filing: FilingView) => void;
  onConflict?: (failure: Failure) => void;
  onFailed?: (failure: Failure) => void;
  onState?: (state: SaveState) => void;
}

/**
 * The path a change is saved under: arrays (service types, pre-approvals) are saved whole, so a
 * patch never addresses an array element the server would have to create.
 */
export const patchKey: (path: string) => string = outsideLists;

/** Drops keys whose ancestor is also being saved: the ancestor's value already holds them. */
function withoutCovered(keys: Iterable<string>): string[] {
  const all = [...keys];
  return all.filter((key) => !all.some((other) => other !== key && isWithinPath(key, other)));
}

export class DraftSaver {
  private version: number;
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves run one after another: each needs the version the previous one answered. */
  private queue: Promise<boolean> = Promise.resolve(true);
  private paused = false;
  private readonly delayMs: number;

  constructor(private readonly options: DraftSaverOptions) {
    this.version = options.version;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Paths changed here and not yet saved (patch keys). */
  get unsaved(): string[] {
    return withoutCovered(this.dirty);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Marks a path changed and (re)starts the debounce. */
  touch(path: string): void {
    this.dirty.add(patchKey(path));
    this.schedule();
  }

  private schedule(): void {
    if (this.paused) return;
    this.options.onState?.('pending');
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /**
   * Saves everything unsaved now (leaving the page, moving to another step, submitting).
   * Resolves true when nothing is left unsaved.
   */
  flush(): Promise<boolean> {
    this.clearTimer();
    const next = this.queue.then(
      () => this.saveNow(),
      () => this.saveNow(),
    );
    this.queue = next;
    return next;
  }

  /**
   * After a conflict: continue from the version now on the server. The unsaved paths are kept and
   * sent on top of it, so what the filer typed here wins for those fields only.
   */
  rebase(version: number): void {
    this.version = version;
    this.paused = false;
    if (this.dirty.size > 0) this.schedule();
  }

  /** Stops the timer (the page is gone); unsaved paths stay for a last `flush`. */
  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private saveNow(): Promise<boolean> {
    if (this.paused) return Promise.resolve(false);
    if (this.dirty.size === 0) return Promise.resolve(true);
    return this.send();
  }

  private async send(): Promise<boolean> {
    const keys = withoutCovered(this.dirty);
    const form = this.options.read();
    const patch: FormPatch = {};
    for (const key of keys) patch[key] = readPath(form, key);
    this.dirty.clear();
    this.options.onState?.('saving');
    const answer = await call('filing', 'draft.save', { id: this.options.id, version: this.version, patch });
    if (answer.ok) {
      this.version = answer.data.filing.version;
      this.options.onSaved?.(answer.data.filing);
      // Typed while this save was in flight: the debounce already scheduled the next one.
      this.options.onState?.(this.dirty.size > 0 ? 'pending' : 'saved');
      return this.dirty.size === 0;
    }
    // Nothing typed is dropped: the paths go back to the unsaved set for the next attempt.
    for (const key of keys) this.dirty.add(key);
    if (answer.error.code === 'CONFLICT') {
      this.paused = true;
      this.options.onState?.('conflict');
      this.options.onConflict?.(answer.error);
    } else {
      this.options.onState?.('failed');
      this.options.onFailed?.(answer.error);
    }
    return false;
  }
}

/**
 * Starts an application (the one wrapper of `draft.create`): a new filing from the kind page, or a
 * change or cancellation of a filed record (`baseId`) from the progress page, which the server
 * fills from that record.
 */
export function createDraft(
  params: ParamsOf<'filing', 'draft.create'>,
): Promise<Envelope<DataOf<'filing', 'draft.create'>>> {
  return call('filing', 'draft.create', params);
}
