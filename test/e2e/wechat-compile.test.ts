/**
 * The mini-program as WeChat's own compiler uploads it (miniprogram-ci, offline, with the
 * committed project.config.json). The preview, jest and the bench all resolve modules by
 * themselves; only this test sees what a phone will actually receive.
 */
import { compileWithWeChat, type CompiledProject } from '../../scripts/wechat/compile';
import {
  missingComponents,
  packageSizes,
  qualityProblems,
  resolveRequire,
  unresolvedRequires,
} from '../../scripts/wechat/inspect';

let compiled: CompiledProject;

beforeAll(async () => {
  compiled = await compileWithWeChat();
}, 180_000);

describe('the upload WeChat compiles', () => {
  it('uploads every module a require names, so the first require on a phone does not fail', () => {
    expect(unresolvedRequires(compiled.files)).toEqual([]);
    expect(resolveRequire(compiled.files, 'pages/home/index.js', '@beian/core')).toBe(
      'miniprogram_npm/@beian/core/index.js',
    );
  });

  it('uploads every page of app.json and every component a usingComponents names', () => {
    expect(missingComponents(compiled.files)).toEqual([]);
  });

  it('passes the code-quality checks DevTools runs before an upload', () => {
    expect(qualityProblems(compiled.quality)).toEqual([]);
  });

  it('keeps the main package within 400 KB, the lighter-package target (docs/benchmarks.md)', () => {
    expect(packageSizes(compiled.files).main).toBeLessThanOrEqual(400 * 1024);
  });

  it('keeps admin-only Vant components out of the main package', () => {
    const { subpackages } = packageSizes(compiled.files);
    const main = [...compiled.files.keys()].filter((path) => !path.startsWith('admin/'));
    expect(main.filter((path) => /@vant\/weapp\/(image|search)\//.test(path))).toEqual([]);
    expect(subpackages.admin).toBeGreaterThan(0);
  });
});

describe('reading the compiled output', () => {
  const files = new Map([
    ['a/index.js', Buffer.from("require('./b'); require('./c'); require('x');")],
    ['a/b.js', Buffer.from('')],
    ['a/c/index.js', Buffer.from('')],
    ['miniprogram_npm/x/index.js', Buffer.from('')],
  ]);

  it('treats a folder require as missing, as the upload scan does', () => {
    expect(unresolvedRequires(files)).toEqual(["a/index.js: require('./c')"]);
  });

  it('counts a quality check that lists files as failing', () => {
    expect(
      qualityProblems([
        { name: 'JS_COMPRESS_OPEN', success: true },
        { name: 'CONTAINS_OTHER_PKG_COMPONENTS', success: true, detail: { files: ['a.js'] } },
        { name: 'WXML_COMPRESS_OPEN', success: false },
      ]),
    ).toEqual(['CONTAINS_OTHER_PKG_COMPONENTS: a.js', 'WXML_COMPRESS_OPEN']);
  });
});
