/**
 * Runs the local cloud's commands (`npm start`, `npm run call`, `npm run seed`) as a developer
 * would — a separate process through tsx — with a controlled environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything that would point a command at another cloud. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const ours = ['PORT', 'BEIAN_DATA_DIR', 'BEIAN_OPERATOR_KEY', 'BEIAN_CLOCK', 'BEIAN_TEMPLATES'];
  const inherited = Object.entries(process.env).filter(([key]) => !ours.includes(key));
  return { ...Object.fromEntries(inherited), USER: 'tester', ...extra };
}

export function runScript(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return finished(spawn(TSX, [join(ROOT, 'local', script), ...args], { cwd: ROOT, env: cleanEnv(env) }));
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm start` in the background: wait for its banner, then stop it with a signal. */
export class StartedMain {
  private readonly done: Promise<Finished>;
  private output = '';

  /** `via: 'npm'` runs `npm start -- args` instead of tsx directly, as the README says to. */
  constructor(args: string[], env: Record<string, string>, via: 'tsx' | 'npm' = 'tsx') {
    const child =
      via === 'npm'
        ? spawn('npm', ['start', '--', ...args], { cwd: ROOT, env: cleanEnv(env) })
        : spawn(TSX, [join(ROOT, 'local', 'main.ts'), ...args], { cwd: ROOT, env: cleanEnv(env) });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.done = finished(child);
  }

  readonly child: ChildProcess;

  get text(): string {
    return this.output;
  }

  /** Resolves with the local cloud's URL once the banner is out. */
  async url(timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /local cloud on (http:\/\/127\.0\.0\.1:\d+)/.exec(this.output);
      if (match?.[1] && this.output.includes('operator key:')) return match[1];
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`npm start did not come up:\n${this.output}`);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Finished> {
    this.child.kill(signal);
    return this.done;
  }

  exited(): Promise<Finished> {
    return this.done;
  }
}

/** A port nothing listens on (taken and given back). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
