/**
 * Which of core's exports the mini-program's code uses, so that the client bundle of core carries
 * only those and what they reach (docs/wechat-compile.md § Core on the phone). Core's index
 * re-exports everything, the server's workflow, notices and WeChat payloads included; bundled
 * whole it was a third of the main package.
 *
 * Read from the sources with TypeScript's parser, not guessed: every value import from
 * '@beian/core' in miniprogram/ (type-only imports cost nothing at run time). A form the list
 * cannot follow — `import * as`, a re-export, `require`, a dynamic import — stops the build,
 * because a name missing from the bundle would be `undefined` on the phone, not a compile error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const CORE = '@beian/core';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isCore(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isStringLiteral(node) && node.text === CORE;
}

/** The value names of `import { … } from '@beian/core'`, or the form it takes that has none. */
function importedValues(node: ts.ImportDeclaration): string[] | string {
  const clause = node.importClause;
  if (!clause || clause.isTypeOnly) return [];
  if (clause.name) return 'a default import';
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) return 'a namespace import';
  return (bindings?.elements ?? [])
    .filter((element) => !element.isTypeOnly)
    .map((element) => (element.propertyName ?? element.name).text);
}

/** The form of a reference to core that no list of names can follow, or null. */
function unfollowable(node: ts.Node): string | null {
  if (ts.isExportDeclaration(node) && isCore(node.moduleSpecifier) && !node.isTypeOnly) return 'a re-export';
  if (!ts.isCallExpression(node) || !isCore(node.arguments[0])) return null;
  const callee = node.expression;
  const loads =
    callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
  return loads ? 'a require or dynamic import' : null;
}

/** The value names one file imports from core; throws on a form the bundle could not honour. */
export function coreImportsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    const found = ts.isImportDeclaration(node) && isCore(node.moduleSpecifier) ? importedValues(node) : [];
    const form = typeof found === 'string' ? found : unfollowable(node);
    if (form !== null) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      throw new Error(
        `${fileName}:${line + 1}: ${form} of ${CORE} — import the names you use, so the client bundle keeps them`,
      );
    }
    if (typeof found !== 'string') names.push(...found);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Every value name miniprogram/ imports from core, sorted, each once. */
export function clientCoreImports(miniprogram: string): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(miniprogram)) {
    for (const name of coreImportsOf(relative(miniprogram, file), readFileSync(file, 'utf8')))
      names.add(name);
  }
  return [...names].sort();
}

/** The bundle's entry: core's index, narrowed to what the pages import. */
export function clientCoreEntry(names: readonly string[]): string {
  return `export { ${names.join(', ')} } from './index';\n`;
}
