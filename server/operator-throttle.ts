/**
 * Slows down guessing the operator key, per function instance: each wrong key in a row waits
 * twice as long before it is answered (0.2 s, 0.4 s, … up to 10 s), and a right one resets the
 * count. The log line says how many in a row, never the key that was tried.
 */
import type { Logger } from './ports';

export const FIRST_DELAY_MS = 200;
export const MAX_DELAY_MS = 10_000;

export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class OperatorThrottle {
  private wrongInARow = 0;

  constructor(private readonly sleep: Sleep = realSleep) {}

  async wrongKey(logger: Logger): Promise<void> {
    this.wrongInARow += 1;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.wrongInARow - 1));
    logger.error(`operator key refused (${this.wrongInARow} in a row); answering after ${delay} ms`);
    await this.sleep(delay);
  }

  rightKey(): void {
    this.wrongInARow = 0;
  }
}
