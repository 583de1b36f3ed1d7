import { FILING_STAGES } from '@beian/core';
import { render, sleep, tap } from '../helpers/simulate';

describe('首页', () => {
  it('shows the five stages of a filing with their durations', () => {
    const page = render('pages/home/index');
    const text = page.dom?.textContent ?? '';
    expect(FILING_STAGES).toHaveLength(5);
    for (const stage of FILING_STAGES) {
      expect(text).toContain(stage.title);
      expect(text).toContain(stage.duration);
    }
    // Rendered by Vant for real, not left as an empty custom tag.
    expect(page.querySelectorAll('#start')).toHaveLength(1);
    expect(page.dom?.innerHTML).toContain('van-button--primary');
  });

  it('去备案 opens the filing-kind page', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = render('pages/home/index');
    tap(page, '#start');
    await sleep(0);
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/filing-kind/index' }));
  });
});
