import 'miniprogram-simulate';
import { personalForm } from '../fixtures/forms';
import { leaveForms, openDraft, settle, tap } from './components/helpers';
import { fromVant, installSetDataLog, type SetDataCall } from './components/set-data-log';

/**
 * Issue 19, target 3: a step change (下一步) costs at most 12 setData calls, Vant's included
 * (docs/benchmarks.md finding 8). Only the active step's section is built; pickers and sheets wait
 * for their first open, empty uploaders are given no list, filled text fields show a cell.
 */
const log = installSetDataLog();
afterAll(() => log.uninstall());

afterEach(leaveForms);

const SECTIONS = [
  'SUBJECT-SECTION',
  'SUBJECT-PRINCIPAL-SECTION',
  'MINIPROGRAM-SECTION',
  'MINIPROGRAM-PRINCIPAL-SECTION',
  'SUMMARY-SECTION',
];

async function next(from: number) {
  const { page } = await openDraft(personalForm(), {
    step: from,
    handlers: {
      filing: { 'filing.check': () => ({ ok: true, data: { errors: [], warnings: [], materials: [] } }) },
    },
  });
  const calls: SetDataCall[] = await log.during(async () => {
    tap(page, '#next');
    await settle();
  });
  expect(page.instance.data.active).toBe(from + 1);
  return { page, calls };
}

describe('填写备案信息: 下一步', () => {
  it.each([0, 1, 2, 3])('from step %i costs at most 12 setData calls in all', async (from) => {
    const { calls } = await next(from);
    expect(calls.length).toBeLessThanOrEqual(12);
  });

  it.each([0, 1, 2, 3])('from step %i builds the next step’s section only', async (from) => {
    const { page } = await next(from);
    const sections = SECTIONS.filter((tag) =>
      page.querySelectorAll('#section').some((node) => node.dom?.tagName === tag),
    );
    expect(sections).toEqual([SECTIONS[from + 1]]);
  });

  it('builds no closed popup or sheet, and gives no empty uploader a list', async () => {
    const { calls } = await next(0);
    const vant = fromVant(calls).map((call) => call.component);
    expect(vant.filter((component) => /popup|action-sheet|transition|overlay/.test(component))).toEqual([]);
    // The two ID photos of the complete draft are the only uploaders with something to show.
    expect(vant.filter((component) => component.includes('uploader'))).toHaveLength(2);
  });
});
