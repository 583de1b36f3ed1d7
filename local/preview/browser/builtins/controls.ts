/**
 * Built-ins that react to a tap: `<button>` (WeChat's look, attributes reflected for the
 * stylesheet), `<navigator>`, `<picker>` (selector, date and time modes, in a bottom sheet),
 * `<switch>`, `<checkbox>`/`<radio>` with their groups, and `<scroll-view>` with its scroll events.
 */
import type { ExparserNode } from 'miniprogram-exparser';
import { defineBuiltin, hostOf, reflect, text, warnUnsupported, type BuiltinThis } from './common';

export type PickRequest =
  | { mode: 'selector'; items: string[]; value: number }
  | { mode: 'date' | 'time'; value: string; start: string; end: string; fields: string };

export interface ControlServices {
  navigate(openType: string, url: string, delta: number): void;
  /** Resolves with the chosen value (an index for selector), or null when cancelled. */
  pick(request: PickRequest): Promise<number | string | null>;
  /** `<button open-type="agreePrivacyAuthorization">` was tapped: WeChat's record of consent. */
  agreePrivacy(): void;
}

function onTap(self: BuiltinThis, handler: () => void): void {
  self._exparserNode.addListener('tap', () => {
    handler();
  });
}

function caller(node: ExparserNode): BuiltinThis | null {
  const element = node as ExparserNode & { __methodCaller?: BuiltinThis };
  return element.__methodCaller ?? null;
}

/** The engine node behind an element of the page, if it is one. */
function nodeOf(element: Element): ExparserNode | null {
  return (element as Element & { __wxElement?: ExparserNode }).__wxElement ?? null;
}

function defineButton(services: ControlServices): void {
  const reflectAll = function (this: BuiltinThis) {
    for (const name of ['type', 'size', 'plain', 'disabled', 'loading']) reflect(this, name, this.data[name]);
  };
  defineBuiltin('button', {
    properties: {
      type: { type: String, value: 'default', observer: reflectAll },
      size: { type: String, value: 'default', observer: reflectAll },
      plain: { type: Boolean, value: false, observer: reflectAll },
      disabled: { type: Boolean, value: false, observer: reflectAll },
      loading: { type: Boolean, value: false, observer: reflectAll },
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
      hoverClass: { type: String, value: 'button-hover' },
    },
    lifetimes: {
      attached(this: BuiltinThis) {
        reflectAll.call(this);
        onTap(this, () => {
          const openType = text(this.data.openType);
          if (openType === 'agreePrivacyAuthorization' && this.data.disabled !== true) {
            services.agreePrivacy();
            this.triggerEvent('agreeprivacyauthorization', {});
          } else if (openType !== '' && this.data.disabled !== true)
            warnUnsupported('button', ` open-type="${openType}"`);
          if (text(this.data.formType) !== '')
            warnUnsupported('button', ` form-type="${text(this.data.formType)}"`);
        });
      },
    },
  });
}

function defineNavigator(services: ControlServices): void {
  defineBuiltin('navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
    },
    lifetimes: {
      attached(this: BuiltinThis) {
        onTap(this, () =>
          services.navigate(text(this.data.openType), text(this.data.url), Number(this.data.delta) || 1),
        );
      },
    },
  });
}

function definePicker(services: ControlServices): void {
  defineBuiltin('picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: null, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean, value: false },
    },
    lifetimes: {
      attached(this: BuiltinThis) {
        onTap(this, () => {
          if (this.data.disabled === true) return;
          const request = pickRequest(this);
          if (!request) return;
          void services.pick(request).then((value) => {
            if (value === null) this.triggerEvent('cancel', {});
            else this.triggerEvent('change', { value });
          });
        });
      },
    },
  });
}

function pickRequest(self: BuiltinThis): PickRequest | null {
  const mode = text(self.data.mode) || 'selector';
  if (mode === 'selector') {
    const range = Array.isArray(self.data.range) ? (self.data.range as unknown[]) : [];
    const key = text(self.data.rangeKey);
    const items = range.map((item) =>
      key !== '' && typeof item === 'object' && item !== null
        ? text((item as Record<string, unknown>)[key])
        : text(item),
    );
    return { mode, items, value: Number(self.data.value) || 0 };
  }
  if (mode === 'date' || mode === 'time') {
    return {
      mode,
      value: text(self.data.value),
      start: text(self.data.start),
      end: text(self.data.end),
      fields: text(self.data.fields) || 'day',
    };
  }
  warnUnsupported('picker', ` mode="${mode}"`);
  return null;
}

/** `<switch>`, `<checkbox>` and `<radio>` share one shape: a checked state toggled by a tap. */
function defineToggle(name: 'switch' | 'checkbox' | 'radio', group: string | null): void {
  const sync = function (this: BuiltinThis) {
    reflect(this, 'checked', this.data.checked === true);
    reflect(this, 'disabled', this.data.disabled === true);
    reflect(this, 'type', name === 'switch' ? text(this.data.type) || 'switch' : null);
    const host = hostOf(this);
    const color = text(this.data.color);
    if (color) host.style.setProperty('--mp-toggle-color', color);
  };
  defineBuiltin(
    name,
    {
      properties: {
        checked: { type: Boolean, value: false, observer: sync },
        disabled: { type: Boolean, value: false, observer: sync },
        value: { type: String, value: '' },
        type: { type: String, value: '', observer: sync },
        color: { type: String, value: '', observer: sync },
      },
      lifetimes: {
        attached(this: BuiltinThis) {
          sync.call(this);
          onTap(this, () => {
            if (this.data.disabled === true) return;
            if (name === 'radio' && this.data.checked === true) return;
            this.setData({ checked: !(this.data.checked === true) });
            sync.call(this);
            if (name === 'switch') this.triggerEvent('change', { value: this.data.checked === true });
            if (group) notifyGroup(this, name, group);
          });
        },
      },
    },
    name === 'switch' ? '' : '<slot/>',
  );
}

/** Tells the enclosing `<checkbox-group>`/`<radio-group>` what is checked now. */
function notifyGroup(self: BuiltinThis, member: string, group: string): void {
  const groupElement = hostOf(self).closest(`wx-${group}`);
  const groupNode = groupElement ? nodeOf(groupElement) : null;
  const groupCaller = groupNode ? caller(groupNode) : null;
  if (!groupElement || !groupCaller) return;
  const members = [...groupElement.querySelectorAll(`wx-${member}`)]
    .map((element) => nodeOf(element))
    .map((node) => (node ? caller(node) : null))
    .filter((item): item is BuiltinThis => item !== null);
  if (member === 'radio') {
    for (const other of members) if (other !== self) other.setData({ checked: false });
    for (const other of members) reflect(other, 'checked', other.data.checked === true);
    groupCaller.triggerEvent('change', { value: text(self.data.value) });
  } else {
    const value = members.filter((item) => item.data.checked === true).map((item) => text(item.data.value));
    groupCaller.triggerEvent('change', { value });
  }
}

function defineScrollView(): void {
  const sync = function (this: BuiltinThis) {
    reflect(this, 'scroll-x', this.data.scrollX === true);
    reflect(this, 'scroll-y', this.data.scrollY === true);
    const host = hostOf(this);
    const top = Number(this.data.scrollTop);
    if (Number.isFinite(top) && this.data.scrollTop !== '') host.scrollTop = top;
    const into = text(this.data.scrollIntoView);
    if (into !== '') host.querySelector(`#${CSS.escape(into)}`)?.scrollIntoView({ block: 'start' });
  };
  defineBuiltin('scroll-view', {
    properties: {
      scrollX: { type: Boolean, value: false, observer: sync },
      scrollY: { type: Boolean, value: false, observer: sync },
      scrollTop: { type: null, value: '', observer: sync },
      scrollIntoView: { type: String, value: '', observer: sync },
      lowerThreshold: { type: Number, value: 50 },
      upperThreshold: { type: Number, value: 50 },
    },
    lifetimes: {
      attached(this: BuiltinThis) {
        sync.call(this);
        const host = hostOf(this);
        let lastTop = 0;
        host.addEventListener('scroll', () => {
          const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight } = host;
          this.triggerEvent('scroll', {
            scrollTop,
            scrollLeft,
            scrollHeight,
            scrollWidth,
            deltaY: lastTop - scrollTop,
          });
          const threshold = Number(this.data.lowerThreshold) || 50;
          if (scrollTop > lastTop && scrollHeight - scrollTop - clientHeight <= threshold) {
            this.triggerEvent('scrolltolower', { direction: 'bottom' });
          }
          if (scrollTop < lastTop && scrollTop <= (Number(this.data.upperThreshold) || 50)) {
            this.triggerEvent('scrolltoupper', { direction: 'top' });
          }
          lastTop = scrollTop;
        });
      },
    },
  });
}

export function defineControls(services: ControlServices): void {
  defineButton(services);
  defineNavigator(services);
  definePicker(services);
  defineToggle('switch', null);
  defineToggle('checkbox', 'checkbox-group');
  defineToggle('radio', 'radio-group');
  defineScrollView();
}
