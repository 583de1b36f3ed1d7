/**
 * Turns the mouse into the phone's touch events. On WeChat the page sees `touchstart`,
 * `touchmove`, `touchend` and a `tap`; here a click is a tap and a drag with the button held is a
 * touch sequence (Vant's pickers and swipe cells read `touches[0].clientY`). `transitionend` and
 * `animationend` are passed on as the engine's events too.
 *
 * A tap also opens a user gesture: APIs that WeChat only allows from a tap
 * (`requestSubscribeMessage`) check `inUserGesture()`, which holds for the rest of the task that
 * handled the tap and not after an await on the network, exactly the rule WeChat enforces.
 */
import exparser, { type ExparserNode } from 'miniprogram-exparser';

let gesture = false;

export function inUserGesture(): boolean {
  return gesture;
}

interface TouchPoint {
  identifier: number;
  clientX: number;
  clientY: number;
  pageX: number;
  pageY: number;
  x: number;
  y: number;
}

function point(event: MouseEvent, origin: DOMRect): TouchPoint {
  const x = event.clientX - origin.left;
  const y = event.clientY - origin.top;
  return { identifier: 0, clientX: x, clientY: y, pageX: x, pageY: y, x, y };
}

/** The nearest element the engine knows (a control's inner HTML element is not one). */
function engineTarget(target: EventTarget | null): ExparserNode | null {
  for (let node = target instanceof Node ? target : null; node; node = node.parentNode) {
    const element = (node as Node & { __wxElement?: ExparserNode }).__wxElement;
    if (element) return element;
  }
  return null;
}

function dispatch(
  target: ExparserNode,
  name: string,
  detail: unknown,
  original: Event,
  touches: TouchPoint[],
  changedTouches: TouchPoint[] = touches,
): void {
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail, {
      originalEvent: original,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches, changedTouches },
    }),
  );
}

/** Listens on the phone's screen; `origin()` is where (0, 0) of the screen is. */
export function installPointer(screen: HTMLElement, origin: () => DOMRect): void {
  let pressed: ExparserNode | null = null;

  screen.addEventListener('mousedown', (event) => {
    if (event.button !== 0) return;
    pressed = engineTarget(event.target);
    if (pressed) dispatch(pressed, 'touchstart', {}, event, [point(event, origin())]);
  });
  window.addEventListener('mousemove', (event) => {
    if (pressed && event.buttons === 1) dispatch(pressed, 'touchmove', {}, event, [point(event, origin())]);
  });
  window.addEventListener('mouseup', (event) => {
    if (!pressed) return;
    const started = pressed;
    pressed = null;
    const touch = point(event, origin());
    dispatch(started, 'touchend', {}, event, [], [touch]);
  });
  screen.addEventListener('click', (event) => {
    const target = engineTarget(event.target);
    if (!target) return;
    const touch = point(event, origin());
    gesture = true;
    try {
      dispatch(target, 'tap', { x: touch.x, y: touch.y }, event, [], [touch]);
    } finally {
      // The gesture lasts for this task (its microtasks included), not past a network await.
      setTimeout(() => (gesture = false), 0);
    }
  });
  for (const name of ['transitionend', 'animationend'] as const) {
    screen.addEventListener(name, (event) => {
      const target = engineTarget(event.target);
      if (target) dispatch(target, name, {}, event, []);
    });
  }
}
