/**
 * What the story's two halves share: who plays the filer and the reviewer, the values they use,
 * and the recorder that keeps each state the story passes through (and pictures it).
 */
import type { CloudClient } from '../client';
import type { Phone } from './phone';

export const FILER = 'o-demo-filer-a';
export const ADMIN = 'o-demo-admin';
export const RECORD_NUMBER = '京ICP备2026012345号-1X';

/** The field the reviewer rejects, and what the filer writes instead. */
export const REJECTED_FIELD = { path: 'miniprogram.comment', label: '小程序备注' } as const;

export interface StoryState {
  name: string;
  route: string;
  title: string;
  text: string;
}

/** The local cloud as the story drives it besides the pages: its clock and an operator call. */
export interface StoryCloud {
  now(): Promise<Date>;
  advance(ms: number): Promise<void>;
  /** Makes `openid` a reviewer, as an operator would from the console. */
  addAdmin(openid: string, name: string): Promise<void>;
  /** The cloud's HTTP contract, for what a story sets up without pictures (./story-wechat-branches.ts). */
  client: CloudClient;
  /** The templates the consent sheet offers (the local cloud's configuration). */
  templateIds: readonly string[];
}

export interface StoryOptions {
  phone: Phone;
  cloud: StoryCloud;
  /** Keeps a picture of the current state (the screenshot script writes a PNG; the test need not). */
  picture?: (name: string, fullPage: boolean) => Promise<void>;
  /**
   * The first picture's number (default 1): a later story's pictures follow the earlier ones'
   * in docs/screenshots/ rather than overwrite them.
   */
  numberFrom?: number;
  /**
   * Which states are pictured (default all): a story that walks steps another story already
   * pictured records them for its checks without taking the same picture twice.
   */
  pictured?: (name: string) => boolean;
}

/** Records each state in order; `full` pictures the whole page rather than one screen. */
export class Recorder {
  readonly states: StoryState[] = [];
  /** How many states were pictured, which numbers the next picture. */
  private pictures = 0;

  constructor(private readonly options: StoryOptions) {}

  get phone(): Phone {
    return this.options.phone;
  }

  get cloud(): StoryCloud {
    return this.options.cloud;
  }

  has(name: string): boolean {
    return this.states.some((state) => state.name === name);
  }

  async record(name: string, full = false): Promise<StoryState> {
    const { phone } = this.options;
    await phone.settle();
    const state = { name, route: await phone.route(), title: await phone.title(), text: await phone.text() };
    this.states.push(state);
    if (!(this.options.pictured?.(name) ?? true)) return state;
    const number = this.pictures++ + (this.options.numberFrom ?? 1);
    await this.options.picture?.(`${String(number).padStart(2, '0')}-${name}`, full);
    return state;
  }

  /** Opens the mini-program as someone, with the phone's clock at the cloud's time. */
  async launch(openid: string, route = ''): Promise<void> {
    await this.phone.page.clock.setFixedTime(await this.cloud.now());
    await this.phone.launch(openid, route);
  }

  /** Moves the cloud's clock and the phone's together. */
  async advance(ms: number): Promise<void> {
    await this.cloud.advance(ms);
    await this.phone.page.clock.setFixedTime(await this.cloud.now());
  }
}
