/**
 * `<image>` (with its `mode`s, WeChat's 320×240 default size, `load`/`error` events), `<icon>`,
 * `<progress>` and `<rich-text>`.
 */
import { displayUrl } from '../files';
import { defineBuiltin, hostOf, reflect, text, type BuiltinThis } from './common';

const images = new WeakMap<BuiltinThis, HTMLImageElement>();

/** WeChat's image modes, as object-fit/position. */
const IMAGE_MODES: Record<string, [fit: string, position: string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  center: ['none', 'center'],
  top: ['none', 'top'],
  bottom: ['none', 'bottom'],
  left: ['none', 'left'],
  right: ['none', 'right'],
  'top left': ['none', 'left top'],
  'top right': ['none', 'right top'],
  'bottom left': ['none', 'left bottom'],
  'bottom right': ['none', 'right bottom'],
};

function imageOf(self: BuiltinThis): HTMLImageElement {
  const existing = images.get(self);
  if (existing) return existing;
  const image = document.createElement('img');
  image.className = 'mp-native';
  image.draggable = false;
  image.addEventListener('load', () =>
    self.triggerEvent('load', { width: image.naturalWidth, height: image.naturalHeight }),
  );
  image.addEventListener('error', () => {
    if (image.getAttribute('src')) self.triggerEvent('error', { errMsg: `GET ${image.src} failed` });
  });
  hostOf(self).appendChild(image);
  images.set(self, image);
  return image;
}

function syncImage(this: BuiltinThis): void {
  const image = imageOf(this);
  const src = displayUrl(text(this.data.src));
  if (src === '') image.removeAttribute('src');
  else if (image.getAttribute('src') !== src) image.src = src;
  const mode = text(this.data.mode) || 'scaleToFill';
  const [fit, position] = IMAGE_MODES[mode] ?? IMAGE_MODES.scaleToFill ?? ['fill', 'center'];
  image.style.objectFit = fit;
  image.style.objectPosition = position;
  reflect(this, 'mode', mode);
}

const ICON_GLYPHS: Record<string, [glyph: string, color: string, round: boolean]> = {
  success: ['✓', '#09bb07', true],
  success_no_circle: ['✓', '#09bb07', false],
  info: ['i', '#10aeff', true],
  warn: ['!', '#f76260', true],
  waiting: ['◷', '#10aeff', false],
  cancel: ['✕', '#f43530', true],
  download: ['↓', '#09bb07', false],
  search: ['⌕', '#b2b2b2', false],
  clear: ['✕', '#b2b2b2', true],
};

function syncIcon(this: BuiltinThis): void {
  const host = hostOf(this);
  const [glyph, color, round] = ICON_GLYPHS[text(this.data.type)] ?? ['?', '#b2b2b2', true];
  const size = Number(this.data.size) || 23;
  const tint = text(this.data.color) || color;
  host.textContent = '';
  const mark = document.createElement('span');
  mark.className = 'mp-icon';
  mark.textContent = glyph;
  Object.assign(mark.style, {
    width: `${size}px`,
    height: `${size}px`,
    fontSize: `${Math.round(size * (round ? 0.62 : 0.9))}px`,
    color: round ? '#fff' : tint,
    background: round ? tint : 'transparent',
    borderRadius: round ? '50%' : '0',
  });
  host.appendChild(mark);
}

function syncProgress(this: BuiltinThis): void {
  const host = hostOf(this);
  const percent = Math.max(0, Math.min(100, Number(this.data.percent) || 0));
  host.textContent = '';
  const track = document.createElement('span');
  track.className = 'mp-progress-track';
  track.style.height = `${Number(this.data.strokeWidth) || 6}px`;
  track.style.background = text(this.data.backgroundColor) || '#ebebeb';
  track.style.borderRadius = `${Number(this.data.borderRadius) || 0}px`;
  const bar = document.createElement('span');
  bar.className = 'mp-progress-bar';
  bar.style.width = `${percent}%`;
  bar.style.background = text(this.data.activeColor) || text(this.data.color) || '#09bb07';
  track.appendChild(bar);
  host.appendChild(track);
  if (this.data.showInfo === true) {
    const info = document.createElement('span');
    info.className = 'mp-progress-info';
    info.textContent = `${percent}%`;
    host.appendChild(info);
  }
}

interface RichNode {
  name?: string;
  type?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

function richNode(node: RichNode): Node {
  if (node.type === 'text') return document.createTextNode(node.text ?? '');
  const element = document.createElement(node.name ?? 'div');
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
  for (const child of node.children ?? []) element.appendChild(richNode(child));
  return element;
}

function syncRichText(this: BuiltinThis): void {
  const host = hostOf(this);
  const nodes = this.data.nodes;
  host.textContent = '';
  // The page supplies the markup, as on WeChat, where rich-text renders the same nodes.
  if (typeof nodes === 'string') host.innerHTML = nodes;
  else if (Array.isArray(nodes)) for (const node of nodes as RichNode[]) host.appendChild(richNode(node));
}

export function defineMedia(): void {
  defineBuiltin(
    'image',
    {
      properties: {
        src: { type: String, value: '', observer: syncImage },
        mode: { type: String, value: 'scaleToFill', observer: syncImage },
        lazyLoad: { type: Boolean, value: false },
        showMenuByLongpress: { type: Boolean, value: false },
      },
      lifetimes: { attached: syncImage },
    },
    '',
  );
  defineBuiltin(
    'icon',
    {
      properties: {
        type: { type: String, value: '', observer: syncIcon },
        size: { type: null, value: 23, observer: syncIcon },
        color: { type: String, value: '', observer: syncIcon },
      },
      lifetimes: { attached: syncIcon },
    },
    '',
  );
  const progress = { type: null, observer: syncProgress };
  defineBuiltin(
    'progress',
    {
      properties: {
        percent: { ...progress, value: 0 },
        showInfo: { ...progress, type: Boolean, value: false },
        strokeWidth: { ...progress, value: 6 },
        borderRadius: { ...progress, value: 0 },
        color: { ...progress, type: String, value: '' },
        activeColor: { ...progress, type: String, value: '' },
        backgroundColor: { ...progress, type: String, value: '' },
        active: { type: Boolean, value: false },
      },
      lifetimes: { attached: syncProgress },
    },
    '',
  );
  defineBuiltin(
    'rich-text',
    {
      properties: { nodes: { type: null, value: '', observer: syncRichText } },
      lifetimes: { attached: syncRichText },
    },
    '',
  );
}
