/**
 * `<input>` and `<textarea>`: a real HTML control inside the element, with WeChat's defaults
 * (maxlength 140, the keyboard types as input modes) and its events — `input` with
 * `{ value, cursor, keyCode }`, `focus`, `blur`, `confirm` — which is what van-field listens to.
 */
import {
  colorOfClasses,
  colorOfStyle,
  defineBuiltin,
  hostOf,
  reflect,
  text,
  type BuiltinThis,
} from './common';

type Control = HTMLInputElement | HTMLTextAreaElement;

const controls = new WeakMap<BuiltinThis, Control>();

/** WeChat's keyboard types, as the closest HTML input mode. */
const INPUT_MODES: Record<string, string> = {
  text: 'text',
  number: 'numeric',
  idcard: 'text',
  digit: 'decimal',
  safe_password: 'text',
  nickname: 'text',
};

function controlOf(self: BuiltinThis, tag: 'input' | 'textarea'): Control {
  const existing = controls.get(self);
  if (existing) return existing;
  const control = document.createElement(tag);
  control.className = 'mp-native';
  control.value = text(self.data.value);
  control.addEventListener('input', () => {
    if (tag === 'textarea') fitHeight(self);
    self.triggerEvent('input', {
      value: control.value,
      cursor: control.selectionStart ?? control.value.length,
      keyCode: 0,
    });
  });
  control.addEventListener('focus', () => self.triggerEvent('focus', { value: control.value, height: 0 }));
  control.addEventListener('blur', () =>
    self.triggerEvent('blur', { value: control.value, cursor: control.value.length }),
  );
  control.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Enter' && (tag === 'input' || !event.shiftKey)) {
      if (tag === 'textarea' && !self.data.confirmType) return;
      self.triggerEvent('confirm', { value: control.value });
    }
  });
  hostOf(self).appendChild(control);
  controls.set(self, control);
  return control;
}

function applyAll(self: BuiltinThis, tag: 'input' | 'textarea'): void {
  const control = controlOf(self, tag);
  const value = text(self.data.value);
  if (control.value !== value) control.value = value;
  control.placeholder = text(self.data.placeholder);
  control.disabled = self.data.disabled === true;
  const maxlength = Number(self.data.maxlength);
  if (Number.isFinite(maxlength) && maxlength >= 0) control.maxLength = maxlength;
  else control.removeAttribute('maxlength');
  if (control instanceof HTMLInputElement) {
    const type = text(self.data.type) || 'text';
    control.type = self.data.password === true ? 'password' : 'text';
    control.inputMode = INPUT_MODES[type] ?? 'text';
  }
  applyPlaceholderColor(self, control);
  reflect(self, 'auto-height', self.data.autoHeight === true);
  if (tag === 'textarea') fitHeight(self);
  if (self.data.focus === true && document.activeElement !== control) control.focus();
}

/** `placeholder-style` / `placeholder-class` only know a colour here (a CSS variable). */
function applyPlaceholderColor(self: BuiltinThis, control: Control): void {
  const color =
    colorOfStyle(text(self.data.placeholderStyle)) ?? colorOfClasses(self, text(self.data.placeholderClass));
  if (color) control.style.setProperty('--mp-placeholder-color', color);
  else control.style.removeProperty('--mp-placeholder-color');
}

/** `auto-height`: the textarea grows with its text instead of scrolling. */
function fitHeight(self: BuiltinThis): void {
  const control = controls.get(self);
  if (!(control instanceof HTMLTextAreaElement) || self.data.autoHeight !== true) return;
  control.style.height = 'auto';
  control.style.height = `${control.scrollHeight}px`;
}

function definition(tag: 'input' | 'textarea'): Record<string, unknown> {
  const sync = function (this: BuiltinThis) {
    applyAll(this, tag);
  };
  return {
    properties: {
      value: { type: null, value: '', observer: sync },
      type: { type: String, value: 'text', observer: sync },
      password: { type: Boolean, value: false, observer: sync },
      placeholder: { type: String, value: '', observer: sync },
      placeholderStyle: { type: String, value: '', observer: sync },
      placeholderClass: { type: String, value: '', observer: sync },
      disabled: { type: Boolean, value: false, observer: sync },
      maxlength: { type: Number, value: 140, observer: sync },
      focus: { type: Boolean, value: false, observer: sync },
      autoFocus: { type: Boolean, value: false },
      autoHeight: { type: Boolean, value: false, observer: sync },
      confirmType: { type: String, value: tag === 'input' ? 'done' : '' },
    },
    lifetimes: {
      attached(this: BuiltinThis) {
        applyAll(this, tag);
        if (this.data.autoFocus === true) controlOf(this, tag).focus();
      },
    },
  };
}

export function defineInputs(): void {
  defineBuiltin('input', definition('input'), '');
  defineBuiltin('textarea', definition('textarea'), '');
}
