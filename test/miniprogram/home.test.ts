import { FILING_STAGES } from '@beian/core';
import { fakeCloud } from '../helpers/cloud';
import { render, sleep, tap } from '../helpers/simulate';
import { fail, ok } from './admin/fixtures';
import { MATERIALS, REGULATIONS } from '../../miniprogram/pages/home/guide';

type Rendered = ReturnType<typeof render>;

function text(node: Rendered | null | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ') ?? '';
}

afterEach(() => jest.restoreAllMocks());

describe('首页', () => {
  it('shows the five stages of a filing with their durations', () => {
    const page = render('pages/home/index');
    const shown = text(page);
    expect(FILING_STAGES).toHaveLength(5);
    for (const stage of FILING_STAGES) {
      expect(shown).toContain(stage.title);
      expect(shown).toContain(stage.duration);
    }
    // Rendered by Vant for real, not left as an empty custom tag.
    expect(page.querySelectorAll('#start')).toHaveLength(1);
    expect(page.dom?.innerHTML).toContain('van-button--primary');
  });

  it('explains why filing is required with the three regulations and their articles', () => {
    const shown = text(render('pages/home/index').querySelector('#why'));
    expect(REGULATIONS.map((law) => law.title)).toEqual([
      '《互联网信息服务管理办法》',
      '《非经营性互联网信息服务备案管理办法》',
      '《工业和信息化部关于开展移动互联网应用程序备案工作的通知》',
    ]);
    for (const law of REGULATIONS) {
      expect(shown).toContain(law.title);
      for (const article of law.articles) expect(shown).toContain(article.clause);
    }
    expect(shown).toContain('第四条');
    expect(shown).toContain('对非经营性互联网信息服务实行备案制度');
    expect(shown).toContain('未经备案，不得在中华人民共和国境内从事非经营性互联网信息服务');
  });

  it('lists the materials for a personal and for a non-personal subject', () => {
    const shown = text(render('pages/home/index').querySelector('#materials'));
    expect(MATERIALS.map((group) => group.title)).toEqual(['个人主体', '企业、事业单位等非个人主体']);
    for (const group of MATERIALS) for (const item of group.items) expect(shown).toContain(item);
    expect(shown).toContain('授权书');
    expect(shown).toContain('居住证明');
    expect(shown).toContain('JPG、PNG');
  });

  it.each([
    { name: '去备案 opens the filing-kind page', button: '#start', url: '/pages/filing-kind/index' },
    {
      name: '我的备案 opens the list of the filer’s applications',
      button: '#filings',
      url: '/pages/filings/index',
    },
  ])('$name', async ({ button, url }) => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = render('pages/home/index');
    tap(page, button);
    await sleep(0);
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url }));
  });

  it('shows the 审核台 entry to an admin, and it opens the admin subpackage', async () => {
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    fakeCloud({
      filing: {
        'session.get': () => ok({ openid: 'o-admin', role: 'admin', name: '李审', templateIds: [] }),
      },
    });
    const page = render('pages/home/index');
    expect(page.querySelector('#admin')).toBeFalsy();
    page.instance.onLoad({});
    await sleep(5);
    tap(page, '#admin');
    await sleep(0);
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/queue/index' }));
  });

  it('keeps the 审核台 entry hidden from a filer and when the session cannot be read', async () => {
    fakeCloud({
      filing: {
        'session.get': () => ok({ openid: 'o-filer-a', role: 'filer', name: null, templateIds: [] }),
      },
    });
    const filer = render('pages/home/index');
    filer.instance.onLoad({});
    await sleep(5);
    expect(filer.querySelector('#admin')).toBeFalsy();

    fakeCloud({ filing: { 'session.get': () => fail('INTERNAL', '服务暂时不可用') } });
    const offline = render('pages/home/index');
    offline.instance.onLoad({});
    await sleep(5);
    expect(offline.querySelector('#admin')).toBeFalsy();
    expect(text(offline)).toContain('去备案');
  });
});
