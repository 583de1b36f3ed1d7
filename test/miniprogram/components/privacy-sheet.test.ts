import { render, sleep, tap } from '../../helpers/simulate';

/**
 * WeChat holds a privacy API (album, camera, clipboard) until the user agrees; the sheet on the
 * page is how they do (services/privacy.ts).
 */
type Resolve = (answer: { event: string; buttonId?: string }) => void;
let ask: ((resolve: Resolve, info: object) => void) | null = null;

function sheetOnPage() {
  const sheet = render('components/privacy-sheet/index');
  ask = null;
  // simulate's own mock wx has no privacy listener; it does have openPrivacyContract.
  Object.assign(wx, { onNeedPrivacyAuthorization: (listener: typeof ask) => (ask = listener) });
  // The app's launch, in the component's module registry (render starts a fresh one).
  (jest.requireActual('../../../miniprogram/services/privacy') as { watchPrivacy(): void }).watchPrivacy();
  return sheet;
}

const shown = (sheet: ReturnType<typeof render>) => Boolean((sheet.data as { show?: boolean }).show);

describe('the privacy sheet', () => {
  it('stays hidden until WeChat holds a privacy API', () => {
    const sheet = sheetOnPage();
    expect(shown(sheet)).toBe(false);
    expect(ask).not.toBeNull();
  });

  it('lets the held call go on with the agree button when the user agrees', async () => {
    const sheet = sheetOnPage();
    const resolve = jest.fn();
    ask?.(resolve, { referrer: 'chooseMedia' });
    expect(shown(sheet)).toBe(true);
    const agree = sheet.querySelector('#privacy-agree')?.querySelector('.van-button');
    agree?.dispatchEvent('agreeprivacyauthorization');
    await sleep(0);
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(shown(sheet)).toBe(false);
  });

  it('answers disagree and closes when the user refuses', async () => {
    const sheet = sheetOnPage();
    const resolve = jest.fn();
    ask?.(resolve, {});
    tap(sheet, '#privacy-disagree');
    await sleep(0);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(shown(sheet)).toBe(false);
  });
});
