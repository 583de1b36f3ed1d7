/** What the review page's tests share: waiting for the page to settle, and its text as a reader sees it. */
import type { render } from '../../helpers/simulate';

export type Rendered = ReturnType<typeof render>;

const realSetTimeout = setTimeout;

/** Lets the fake cloud answer and the page render (real timers, even under fake ones). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    for (let j = 0; j < 10; j += 1) await Promise.resolve();
  }
}

export function text(node: Rendered | null | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ') ?? '';
}
