/**
 * The preview's emulation of WeChat's privacy check (local/preview/browser/wx/privacy.ts): a
 * privacy API waits for the app's sheet, and only the agree button's tap plus `agree` lets it run.
 */
import type { Overlays } from '../../local/preview/browser/ui';
import { createPrivacy } from '../../local/preview/browser/wx/privacy';

type Listener = (resolve: (answer: object) => void, info: { referrer: string }) => void;
const overlays = {
  modal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
} as unknown as Overlays;

function session(startAgreed = false) {
  const privacy = createPrivacy(overlays, startAgreed);
  let asked: { resolve: (answer: object) => void; referrer: string } | null = null;
  const listen = privacy.apis.onNeedPrivacyAuthorization as (listener: Listener) => void;
  listen((resolve, info) => (asked = { resolve, referrer: info.referrer }));
  return { privacy, asked: () => asked };
}

describe('the preview’s privacy check', () => {
  it('holds chooseMedia until the agree button was tapped and the app answered agree', async () => {
    const { privacy, asked } = session();
    const call = privacy.require('chooseMedia');
    expect(asked()?.referrer).toBe('chooseMedia');
    privacy.agreeTapped();
    asked()?.resolve({ event: 'agree', buttonId: 'privacy-agree' });
    await expect(call).resolves.toBeUndefined();
    await expect(privacy.require('setClipboardData')).resolves.toBeUndefined();
  });

  it('fails the call as WeChat does when the user disagrees, and asks again next time', async () => {
    const { privacy, asked } = session();
    const call = privacy.require('setClipboardData');
    asked()?.resolve({ event: 'disagree' });
    await expect(call).rejects.toMatchObject({
      reason: 'privacy permission is not authorized',
      errCode: 104,
    });
    const again = privacy.require('chooseMedia');
    expect(asked()?.referrer).toBe('chooseMedia');
    privacy.agreeTapped();
    asked()?.resolve({ event: 'agree' });
    await expect(again).resolves.toBeUndefined();
  });

  it('does not take `agree` without a tap on the agree button', async () => {
    const { privacy, asked } = session();
    const call = privacy.require('chooseMedia');
    asked()?.resolve({ event: 'agree' });
    await expect(call).rejects.toMatchObject({ errCode: 104 });
  });

  it('starts agreed unless the session asks for the flow (?privacy=ask)', async () => {
    const { privacy, asked } = session(true);
    await expect(privacy.require('chooseMedia')).resolves.toBeUndefined();
    expect(asked()).toBeNull();
  });
});
