/**
 * What the preview tests share: the story walked once, in a fresh preview, before the file's
 * tests, and each test reading the screen the story reached under a name.
 */
import type { StoryState } from '../../local/preview/story';
import { runStoryOnce, type Story } from '../../local/preview/story-run';

/**
 * Registers the walk as the file's `beforeAll` and answers `state(name)`, which fails naming the
 * screens the story did reach, so a renamed or missing step says where the story went instead.
 */
export function storyStates(story?: Story): (name: string) => StoryState {
  let states: StoryState[] = [];
  beforeAll(async () => {
    states = await runStoryOnce({}, story);
  });
  return (name) => {
    const found = states.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`the story never reached “${name}”: ${states.map((s) => s.name).join(', ')}`);
    return found;
  };
}
