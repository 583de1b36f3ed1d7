/**
 * What WeChat itself draws over a page: toasts, the loading box, modals, action sheets, the
 * subscribe-message consent sheet, picker sheets and the image viewer. Drawn inside the phone
 * frame with WeChat's layout and wording, so a screenshot shows what a filer would see.
 */

export interface ModalOptions {
  title: string;
  content: string;
  showCancel: boolean;
  cancelText: string;
  confirmText: string;
  confirmColor: string;
  editable: boolean;
  placeholderText: string;
}

export interface SubscribeChoice {
  id: string;
  title: string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Overlays {
  private toastBox: HTMLElement | null = null;
  private toastTimer = 0;

  constructor(private readonly root: HTMLElement) {}

  /** `wx.showToast` / `wx.showLoading`: one box at a time, the later replaces the earlier. */
  toast(title: string, icon: string, duration: number | null, mask: boolean): void {
    this.hideToast();
    const layer = element('div', `mp-toast-layer${mask ? ' mp-toast-layer--mask' : ''}`);
    const box = element('div', `mp-toast${icon === 'none' ? ' mp-toast--text' : ''}`);
    if (icon !== 'none') {
      const mark = element('div', `mp-toast__icon mp-toast__icon--${icon}`);
      mark.textContent = icon === 'success' ? '✓' : icon === 'error' ? '✕' : '';
      box.appendChild(mark);
    }
    box.appendChild(element('div', 'mp-toast__title', title));
    layer.appendChild(box);
    this.root.appendChild(layer);
    this.toastBox = layer;
    if (duration !== null) this.toastTimer = window.setTimeout(() => this.hideToast(), duration);
  }

  hideToast(): void {
    window.clearTimeout(this.toastTimer);
    this.toastBox?.remove();
    this.toastBox = null;
  }

  modal(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
    return new Promise((resolve) => {
      const mask = element('div', 'mp-mask');
      const box = element('div', 'mp-modal');
      if (options.title) box.appendChild(element('div', 'mp-modal__title', options.title));
      let input: HTMLTextAreaElement | null = null;
      if (options.editable) {
        input = element('textarea', 'mp-modal__input');
        input.value = options.content;
        input.placeholder = options.placeholderText;
        box.appendChild(input);
      } else if (options.content) {
        box.appendChild(element('div', 'mp-modal__content', options.content));
      }
      const buttons = element('div', 'mp-modal__buttons');
      const close = (confirm: boolean): void => {
        mask.remove();
        resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) });
      };
      if (options.showCancel) {
        const cancel = element('button', 'mp-modal__button mp-modal__cancel', options.cancelText);
        cancel.addEventListener('click', () => close(false));
        buttons.appendChild(cancel);
      }
      const confirm = element('button', 'mp-modal__button mp-modal__confirm', options.confirmText);
      confirm.style.color = options.confirmColor;
      confirm.addEventListener('click', () => close(true));
      buttons.appendChild(confirm);
      box.appendChild(buttons);
      mask.appendChild(box);
      this.root.appendChild(mask);
    });
  }

  /** Resolves with the tapped index, or null for 取消. */
  actionSheet(items: string[], color: string, alertText: string): Promise<number | null> {
    return this.sheet((sheet, close) => {
      if (alertText) sheet.appendChild(element('div', 'mp-sheet__alert', alertText));
      items.forEach((item, index) => {
        const row = element('button', 'mp-sheet__item', item);
        row.style.color = color;
        row.addEventListener('click', () => close(index));
        sheet.appendChild(row);
      });
    });
  }

  /** The consent sheet of `wx.requestSubscribeMessage`: one switch per template, then 允许/取消. */
  subscribe(appName: string, choices: SubscribeChoice[]): Promise<Record<string, boolean> | null> {
    return new Promise((resolve) => {
      const mask = element('div', 'mp-mask mp-mask--bottom');
      const sheet = element('div', 'mp-subscribe');
      sheet.appendChild(element('div', 'mp-subscribe__app', `${appName} 申请`));
      sheet.appendChild(element('div', 'mp-subscribe__title', '发送以下消息'));
      const checks = new Map<string, HTMLInputElement>();
      for (const choice of choices) {
        const row = element('label', 'mp-subscribe__row');
        row.appendChild(element('span', 'mp-subscribe__name', choice.title));
        const check = element('input', 'mp-subscribe__check');
        check.type = 'checkbox';
        check.checked = true;
        check.dataset.templateId = choice.id;
        row.appendChild(check);
        checks.set(choice.id, check);
        sheet.appendChild(row);
      }
      const buttons = element('div', 'mp-subscribe__buttons');
      const finish = (answers: Record<string, boolean> | null): void => {
        mask.remove();
        resolve(answers);
      };
      const cancel = element('button', 'mp-subscribe__cancel', '取消');
      cancel.addEventListener('click', () => finish(null));
      const allow = element('button', 'mp-subscribe__allow', '允许');
      allow.addEventListener('click', () =>
        finish(Object.fromEntries([...checks].map(([id, check]) => [id, check.checked]))),
      );
      buttons.append(cancel, allow);
      sheet.appendChild(buttons);
      mask.appendChild(sheet);
      this.root.appendChild(mask);
    });
  }

  /** A list to choose one of (`<picker mode="selector">`). */
  choose(items: string[], current: number): Promise<number | null> {
    return this.sheet((sheet, close) => {
      items.forEach((item, index) => {
        const row = element(
          'button',
          `mp-sheet__item${index === current ? ' mp-sheet__item--current' : ''}`,
          item,
        );
        row.addEventListener('click', () => close(index));
        sheet.appendChild(row);
      });
    });
  }

  /** A date or time (`<picker mode="date|time">`), with the browser's own input. */
  chooseValue(
    type: 'date' | 'month' | 'time' | 'number',
    value: string,
    min: string,
    max: string,
  ): Promise<string | null> {
    return this.sheet((sheet, close) => {
      const input = element('input', 'mp-sheet__value');
      input.type = type;
      input.value = value;
      if (min) input.min = min;
      if (max) input.max = max;
      const ok = element('button', 'mp-sheet__item mp-sheet__confirm', '确定');
      ok.addEventListener('click', () => close(input.value === '' ? null : input.value));
      sheet.append(input, ok);
    });
  }

  previewImage(url: string): void {
    const viewer = element('div', 'mp-image-viewer');
    const image = element('img', 'mp-image-viewer__image');
    image.src = url;
    viewer.appendChild(image);
    viewer.addEventListener('click', () => viewer.remove());
    this.root.appendChild(viewer);
  }

  /** A bottom sheet with a 取消 row; `fill` adds the choices and calls `close` with one. */
  private sheet<T>(fill: (sheet: HTMLElement, close: (value: T | null) => void) => void): Promise<T | null> {
    return new Promise((resolve) => {
      const mask = element('div', 'mp-mask mp-mask--bottom');
      const sheet = element('div', 'mp-sheet');
      const close = (value: T | null): void => {
        mask.remove();
        resolve(value);
      };
      fill(sheet, close);
      const cancel = element('button', 'mp-sheet__item mp-sheet__cancel', '取消');
      cancel.addEventListener('click', () => close(null));
      sheet.appendChild(cancel);
      mask.addEventListener('click', (event) => {
        if (event.target === mask) close(null);
      });
      mask.appendChild(sheet);
      this.root.appendChild(mask);
    });
  }
}
