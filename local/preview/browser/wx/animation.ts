/**
 * `wx.createAnimation`: the chainable builder whose `export()` a page puts in an `animation`
 * attribute. It produces WeChat's export shape (`{ actions: [{ animates, option }] }`), which the
 * engine turns into transitions step by step. Vant's collapse and notice bar use it.
 */

interface Animate {
  type: string;
  args: unknown[];
}

interface StepOptions {
  duration?: number;
  timingFunction?: string;
  delay?: number;
  transformOrigin?: string;
}

const STYLE_PROPERTIES = [
  'opacity', 'backgroundColor', 'width', 'height', 'top', 'left', 'bottom', 'right',
]; // prettier-ignore

const TRANSFORMS = [
  'rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d', 'scale', 'scaleX', 'scaleY', 'scaleZ',
  'scale3d', 'skew', 'skewX', 'skewY', 'translate', 'translateX', 'translateY', 'translateZ',
  'translate3d', 'matrix', 'matrix3d',
]; // prettier-ignore

/** Dimensions given as numbers are px, as on WeChat. */
function cssValue(property: string, value: unknown): unknown {
  return typeof value === 'number' && property !== 'opacity' ? `${value}px` : value;
}

function dashed(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function createAnimation(defaults: StepOptions = {}): Record<string, unknown> {
  let pending: Animate[] = [];
  let actions: { animates: Animate[]; option: Record<string, unknown> }[] = [];
  const animation: Record<string, unknown> = {};
  for (const property of STYLE_PROPERTIES) {
    animation[property] = (value: unknown) => {
      pending.push({ type: 'style', args: [dashed(property), cssValue(property, value)] });
      return animation;
    };
  }
  for (const transform of TRANSFORMS) {
    animation[transform] = (...args: unknown[]) => {
      pending.push({ type: transform, args });
      return animation;
    };
  }
  animation.step = (options: StepOptions = {}) => {
    const merged = {
      duration: 400,
      timingFunction: 'linear',
      delay: 0,
      transformOrigin: '50% 50% 0',
      ...defaults,
      ...options,
    };
    actions.push({
      animates: pending,
      option: {
        transformOrigin: merged.transformOrigin,
        transition: { duration: merged.duration, timingFunction: merged.timingFunction, delay: merged.delay },
      },
    });
    pending = [];
    return animation;
  };
  animation.export = () => {
    const exported = { actions };
    actions = [];
    return exported;
  };
  return animation;
}
