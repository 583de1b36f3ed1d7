/**
 * Registers every built-in component before any page: containers that only lay out their
 * children, the interactive ones (./input.ts, ./media.ts, ./controls.ts), and placeholders that
 * say loudly they are not implemented (a map or a camera has no meaning in the preview).
 */
import { defineBuiltin, type BuiltinThis, warnUnsupported } from './common';
import { defineControls, type ControlServices } from './controls';
import { defineInputs } from './input';
import { defineMedia } from './media';

const CONTAINERS = [
  'view', 'text', 'label', 'form', 'block', 'checkbox-group', 'radio-group', 'swiper', 'swiper-item',
  'cover-view', 'movable-area', 'movable-view', 'root-portal', 'page-meta', 'navigation-bar',
  'match-media', 'picker-view', 'picker-view-column', 'functional-page-navigator', 'official-account',
]; // prettier-ignore

const UNSUPPORTED = [
  'video', 'audio', 'map', 'canvas', 'camera', 'live-player', 'live-pusher', 'web-view', 'ad',
  'ad-custom', 'editor', 'slider', 'open-data', 'voip-room', 'channel-live', 'channel-video',
  'cover-image', 'page-container', 'keyboard-accessory', 'share-element',
]; // prettier-ignore

export function registerBuiltins(services: ControlServices): void {
  for (const name of CONTAINERS) defineBuiltin(name, {});
  for (const name of UNSUPPORTED) {
    defineBuiltin(
      name,
      {
        lifetimes: {
          attached(this: BuiltinThis) {
            warnUnsupported(name);
          },
        },
      },
      `<slot/>`,
    );
  }
  defineInputs();
  defineMedia();
  defineControls(services);
}
