/**
 * Every setData of every component in a rendered page — the page's, our components' and Vant's —
 * the way `npm run bench -- --only=setdata` weighs them: who called it, with which keys, and its
 * size as the JSON that crosses to the view layer.
 *
 * miniprogram-simulate registers each component it loads with j-component; the log adds a behavior
 * to each definition that wraps the instance's setData when it is created, before any of its
 * observers can run. Install it at the top of a test file, before anything is rendered.
 */
import { relative } from 'node:path';
import { MINIPROGRAM } from '../../helpers/simulate';

export interface SetDataCall {
  /** The component's path in the package: `components/select-field/index`. */
  component: string;
  /** Which instance of it (numbered as created), to tell two select fields apart. */
  instance: number;
  keys: string[];
  bytes: number;
}

interface Definition {
  path?: string;
  behaviors?: unknown[];
}

/** The part of a component instance the log wraps. */
interface Sender {
  setData(data: Record<string, unknown>, callback?: () => void): void;
}

interface Registry {
  register(definition: Definition): string;
}

export interface SetDataLog {
  /** The calls made while `act` (and everything it awaits) ran. */
  during(act: () => unknown): Promise<SetDataCall[]>;
  /** Stops logging: components registered afterwards are left alone. */
  uninstall(): void;
}

/** Our own components (not the pages, not Vant's). */
export function ours(calls: readonly SetDataCall[]): SetDataCall[] {
  return calls.filter((call) => call.component.startsWith('components/'));
}

export function fromVant(calls: readonly SetDataCall[]): SetDataCall[] {
  return calls.filter((call) => call.component.startsWith('miniprogram_npm/'));
}

/** The calls each component instance made, keyed `components/text-field/index#12`. */
export function perInstance(calls: readonly SetDataCall[]): Map<string, SetDataCall[]> {
  const by = new Map<string, SetDataCall[]>();
  for (const call of calls) {
    const key = `${call.component}#${call.instance}`;
    by.set(key, [...(by.get(key) ?? []), call]);
  }
  return by;
}

export function installSetDataLog(): SetDataLog {
  // The very module simulate holds (not a fresh copy): render() resets jest's registry later.
  const registry = jest.requireActual<Registry>('j-component');
  const register = registry.register.bind(registry);
  const calls: SetDataCall[] = [];
  let created = 0;
  let installed = true;

  const behaviorFor = (component: string) =>
    Behavior({
      lifetimes: {
        created(this: Sender) {
          const instance = (created += 1);
          const setData = this.setData.bind(this);
          this.setData = (data: Record<string, unknown>, callback?: () => void) => {
            const json = JSON.stringify(data);
            calls.push({ component, instance, keys: Object.keys(data), bytes: Buffer.byteLength(json) });
            setData(data, callback);
          };
        },
      },
    });

  registry.register = (definition) => {
    if (installed && definition.path) {
      const component = relative(MINIPROGRAM, definition.path);
      definition.behaviors = [behaviorFor(component), ...(definition.behaviors ?? [])];
    }
    return register(definition);
  };

  return {
    async during(act) {
      const mark = calls.length;
      await act();
      return calls.slice(mark);
    },
    uninstall() {
      installed = false;
      registry.register = register;
    },
  };
}
