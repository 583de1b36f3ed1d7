/**
 * The mini-program as WeChat itself compiles it for upload: miniprogram-ci's `getCompiledResult`
 * with the committed project.config.json (`useProjectConfig`), and its code-quality checks, both
 * offline. What passes here is what a phone receives, so tests and the bench read this output
 * rather than our own model of it (docs/wechat-compile.md).
 *
 * Offline needs two things the upload path would fetch: a signing key (a throwaway RSA key, never
 * sent anywhere) and the app's attributes from servicewechat.com (answered with an ordinary
 * mini-program's). The one remaining network call, for a whitelist of extensions, fails and logs.
 *
 * The compiler runs in a child process: its quality check leaves a file watcher open that would
 * keep a test runner or the bench alive, and a child's exit closes it.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../build-steps';

export interface QualityCheck {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export interface CompiledProject {
  /** Path relative to the mini-program root (posix) → the bytes WeChat would upload. */
  files: Map<string, Buffer>;
  quality: QualityCheck[];
}

/** An ordinary, unreleased mini-program: what `getProjectAttr` would answer for a real appid. */
const OFFLINE_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {},
  gameApp: false,
};

interface CompiledJson {
  files: Record<string, string>;
  quality: QualityCheck[];
}

export async function compileWithWeChat(projectPath = ROOT): Promise<CompiledProject> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-compiled-'));
  try {
    const out = join(dir, 'compiled.json');
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [tsx, __filename, projectPath, out],
        { maxBuffer: 1 << 24 },
        (error, _o, stderr) =>
          error ? reject(new Error(`WeChat's compiler failed: ${stderr || error.message}`)) : resolve(),
      );
    });
    const json = JSON.parse(readFileSync(out, 'utf8')) as CompiledJson;
    const files = new Map(
      Object.entries(json.files).map(([path, b64]) => [path, Buffer.from(b64, 'base64')]),
    );
    return { files, quality: json.quality };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compileInProcess(projectPath: string): Promise<CompiledProject> {
  const quiet = silenceCompilerLogs();
  const keyDir = mkdtempSync(join(tmpdir(), 'beian-ci-key-'));
  try {
    const ci = await import('miniprogram-ci');
    const privateKeyPath = join(keyDir, 'private.key');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    Object.assign(project, { attr: () => Promise.resolve(OFFLINE_ATTR) });
    const compiled = await ci.getCompiledResult({
      project,
      setting: { useProjectConfig: true },
      version: '0.0.0',
    });
    const files = new Map<string, Buffer>();
    for (const [path, content] of Object.entries(compiled)) {
      files.set(path, typeof content === 'string' ? Buffer.from(content) : content);
    }
    const quality = (await ci.checkCodeQuality(project)) as QualityCheck[];
    return { files, quality };
  } finally {
    quiet.restore();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

/** The compiler narrates every step on stdout; keep warnings and errors, drop the chatter. */
function silenceCompilerLogs(): { restore(): void } {
  const { log, info, warn, error } = console;
  const text = (args: unknown[]): string => args.map(String).join(' ');
  const chatter = (args: unknown[]): boolean =>
    /^(\[miniprogram-builder\]|\[summer-compiler\]|serialize )/.test(text(args));
  const offline = (args: unknown[]): boolean => /servicewechat\.com|white ext list/.test(text(args));
  console.log = (...args: unknown[]) => void (chatter(args) || log(...args));
  console.info = (...args: unknown[]) => void (chatter(args) || info(...args));
  console.warn = (...args: unknown[]) => void (chatter(args) || warn(...args));
  console.error = (...args: unknown[]) => void (offline(args) || error(...args));
  return {
    restore() {
      Object.assign(console, { log, info, warn, error });
    },
  };
}

// Run as the child process of compileWithWeChat: `tsx compile.ts <project> <out.json>`.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const [projectPath = ROOT, out = ''] = process.argv.slice(2);
  void compileInProcess(projectPath).then(
    ({ files, quality }) => {
      const json: CompiledJson = { files: {}, quality };
      for (const [path, content] of files) json.files[path] = content.toString('base64');
      writeFileSync(out, JSON.stringify(json));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
