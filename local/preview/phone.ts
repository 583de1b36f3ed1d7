/**
 * A filer's or reviewer's hands on the preview: open the mini-program as someone, tap, type, pick,
 * and read what the screen shows — through the real pages in Chromium, with mouse clicks and
 * keyboard input the runtime turns into WeChat's events. Every action waits until the page has
 * settled (no request in flight, transitions done) and fails if the page reported a runtime error,
 * so a page that breaks in the browser stops the story where it broke.
 */
import type { Locator, Page } from 'playwright-core';
import type { PreviewProbe } from './browser/protocol';

/** Longer than two of Vant's animation frames (33 ms timers), the delay before a transition starts. */
const SETTLE_MS = 90;

/** The browser's global object as the runtime leaves it (see browser/main.ts). */
type ProbeHost = { __preview?: PreviewProbe };

/**
 * A class inside a Vant component as the preview scopes it: classes in a component's template
 * carry that component's prefix (`.van-uploader--van-uploader__upload`), as on WeChat.
 */
export function vant(component: string, className: string): string {
  return `.van-${component}--${className}`;
}

export class Phone {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Starts the mini-program as `openid` (a fresh launch, as after switching WeChat user). */
  async launch(openid: string, route = ''): Promise<void> {
    // A URL that differs from the current one only after `#` would not load the page again (the
    // same person on the same page, later): leave it first, so every launch starts afresh.
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}/?as=${encodeURIComponent(openid)}${route ? `#/${route}` : ''}`);
    await this.page.waitForFunction(
      () =>
        ((globalThis as unknown as ProbeHost).__preview?.stack().length ?? 0) > 0 ||
        ((globalThis as unknown as ProbeHost).__preview?.errors.length ?? 0) > 0,
    );
    await this.settle();
  }

  /** Waits for requests and transitions to finish; throws if the page reported an error. */
  async settle(): Promise<void> {
    const quiet = (): boolean => {
      const probe = (globalThis as unknown as ProbeHost).__preview;
      // Vant's icon font too: a screenshot with stand-in glyphs would differ from run to run.
      return probe !== undefined && probe.pending === 0 && !probe.animating() && probe.iconsReady();
    };
    await this.page.waitForFunction(quiet, undefined, { timeout: 15_000 });
    // Vant starts a transition a frame or two after the state changes (its requestAnimationFrame
    // is a 33 ms timer): look again once that has had time to begin.
    await this.page.waitForTimeout(SETTLE_MS);
    await this.page.waitForFunction(quiet, undefined, { timeout: 15_000 });
    await this.page.waitForTimeout(SETTLE_MS / 2);
    const errors = await this.page.evaluate(
      () => (globalThis as unknown as ProbeHost).__preview?.errors ?? [],
    );
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  }

  /** The page on top of the stack. */
  screen(): Locator {
    return this.page.locator('.mp-frame:not([hidden])').last();
  }

  /** What WeChat draws over the page (toasts, modals, sheets). */
  overlays(): Locator {
    return this.page.locator('.mp-overlays');
  }

  async route(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as ProbeHost).__preview?.stack().at(-1) ?? '');
  }

  async title(): Promise<string> {
    return (await this.page.locator('.mp-navbar__title').textContent()) ?? '';
  }

  /** The visible text of the current page and anything drawn over it, typed values included. */
  async text(): Promise<string> {
    const page = await this.screen().innerText();
    const typed = await this.screen()
      .locator('input, textarea')
      .evaluateAll((controls) => controls.map((control) => (control as unknown as { value: string }).value));
    const over = await this.overlays().innerText();
    return `${page}\n${typed.filter(Boolean).join('\n')}\n${over}`.replace(/[ \t]+/g, ' ');
  }

  async tap(target: string | Locator): Promise<void> {
    const locator = typeof target === 'string' ? this.screen().locator(target).first() : target;
    await locator.click();
    await this.settle();
  }

  /** Taps the element whose own text is exactly `text` (a Vant button, cell or action). */
  async tapText(text: string, within: Locator = this.screen()): Promise<void> {
    const target = within.getByText(text, { exact: true }).first();
    // A button's label lies under the button's own press layer (Vant's ::before): tap the button.
    const button = target.locator('xpath=ancestor::wx-button[1]');
    await this.tap((await button.count()) > 0 ? button : target);
  }

  /** Taps the item `text` of the open action sheet (the same words may stand on the page behind it). */
  async tapInSheet(text: string): Promise<void> {
    await this.tapText(text, this.screen().locator(vant('action-sheet', 'van-action-sheet')));
  }

  /** Types into the input or textarea inside `selector`, then leaves it (the field checks on blur). */
  async fill(selector: string, value: string): Promise<void> {
    const control = this.screen().locator(selector).locator('input, textarea').first();
    await control.fill(value);
    await control.blur();
    await this.settle();
  }

  /** Taps the uploader inside `selector` and picks `file` in the file chooser it opens. */
  async upload(selector: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.screen().locator(selector).locator(vant('uploader', 'van-uploader__upload')).first().click();
    await (await chooser).setFiles(file);
    await this.settle();
  }

  /**
   * Drags a picker column (Vant's pickers follow touch moves) by `rows` rows: positive moves
   * to later values. The mouse is held and moved slowly, as a finger would.
   */
  async dragColumn(column: Locator, rows: number, rowHeight = 44): Promise<void> {
    const box = await column.boundingBox();
    if (!box) throw new Error('the picker column is not on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    const steps = Math.max(4, Math.abs(rows) * 2);
    for (let step = 1; step <= steps; step++) {
      await this.page.mouse.move(x, y - (rows * rowHeight * step) / steps);
      await this.page.waitForTimeout(40);
    }
    // Held still before release, so the column does not fling on with momentum.
    await this.page.waitForTimeout(350);
    await this.page.mouse.up();
    await this.settle();
  }

  /**
   * Waits until the page shows `text`; fails with what it shows instead. The wait is generous
   * because CI runs this beside every other suite on two cores; a passing check returns at once.
   */
  async expectText(text: string, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const shown = await this.text();
      if (shown.includes(text)) return;
      if (Date.now() > deadline) throw new Error(`expected the page to show “${text}”; it shows:\n${shown}`);
      await this.page.waitForTimeout(100);
    }
  }

  async expectRoute(route: string): Promise<void> {
    const current = await this.route();
    if (!current.startsWith(route)) throw new Error(`expected to be on ${route}, but on ${current}`);
  }

  /**
   * A PNG of the phone. `fullPage` stretches the phone to the page's whole height for the picture
   * (a long form in one image), then puts it back.
   */
  async picture(path: string, fullPage: boolean): Promise<void> {
    const phone = this.page.locator('.mp-phone');
    if (fullPage) {
      await this.screen().evaluate((frame) => {
        const screen = frame.closest('.mp-phone') as unknown as { style: { height: string } } | null;
        const chrome = 64;
        if (screen) screen.style.height = `${Math.max(667, chrome + frame.scrollHeight)}px`;
      });
    }
    try {
      await phone.screenshot({ path, animations: 'disabled', caret: 'hide' });
    } finally {
      if (fullPage) await phone.evaluate((element) => (element.style.height = '667px'));
    }
  }

  /** Scrolls the current page to the top, so a screenshot starts where a filer starts reading. */
  async scrollTop(): Promise<void> {
    await this.screen().evaluate((frame) => frame.scrollTo(0, 0));
  }

  /** Waits until a page scroll (wx.pageScrollTo's animation) has come to rest. */
  async scrollSettled(): Promise<void> {
    let last = -1;
    for (let round = 0; round < 50; round += 1) {
      const top = await this.screen().evaluate((frame) => frame.scrollTop);
      if (top === last) return;
      last = top;
      await this.page.waitForTimeout(100);
    }
  }
}
