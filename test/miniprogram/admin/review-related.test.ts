/**
 * The review page's card of the same subject's other filings: the quota used, each filed or open
 * application with its state, and another filer's principal as the server masked it.
 */
import type { RelatedFilings } from '@beian/core';
import { fakeCloud } from '../../helpers/cloud';
import { openPage } from '../../helpers/simulate';
import { text, type Rendered } from './page';
import { application, ok, reviewDetail } from './fixtures';

async function open(related: RelatedFilings): Promise<Rendered> {
  fakeCloud({ admin: { 'filing.get': () => ok(reviewDetail(application(), { related })) } });
  return openPage('admin/review/index', { id: 'app-1' });
}

describe('review page: the same subject’s other filings', () => {
  it('lists them with their state and the quota used, another filer’s principal masked', async () => {
    const page = await open({
      quota: { used: 5, limit: 5 },
      items: [
        {
          id: 'app-7',
          kind: 'new',
          state: 'platform_review',
          sameFiler: false,
          appid: 'wx00000000000000a7',
          miniprogramName: '记账本七',
          province: '440000',
          recordNumber: null,
          principalName: '张*',
          principalMobile: '138****8000',
        },
        {
          id: 'app-3',
          kind: 'new',
          state: 'filed',
          sameFiler: true,
          appid: 'wx00000000000000a3',
          miniprogramName: '记账本三',
          province: '110000',
          recordNumber: '京ICP备2026012345号-1X',
          principalName: '张三',
          principalMobile: '13800138000',
        },
      ],
    });
    const quota = page.querySelector('#related-quota');
    expect(text(quota)).toContain('已占用 5 / 5 个小程序名额');
    expect(quota?.dom?.className).toContain('hint--warning');
    const rows = page.querySelectorAll('.related');
    expect(rows).toHaveLength(2);
    expect(text(rows[0])).toContain('记账本七（新增备案）');
    expect(text(rows[0])).toContain('广东省');
    expect(text(rows[0])).toContain('其他提交人 · 负责人 张* 138****8000');
    expect(text(rows[0])).toContain('平台初审中');
    expect(text(rows[1])).toContain('京ICP备2026012345号-1X');
    expect(text(rows[1])).toContain('同一提交人');
    expect(text(rows[1])).toContain('备案成功');
  });

  it('says when the subject has nothing else', async () => {
    const page = await open({ quota: { used: 1, limit: 50 }, items: [] });
    expect(text(page.querySelector('#related'))).toContain('该主体没有其他已备案或进行中的申请。');
    expect(text(page.querySelector('#related-quota'))).toContain('已占用 1 / 50 个小程序名额');
    expect(page.querySelector('#related-quota')?.dom?.className).not.toContain('hint--warning');
  });
});
