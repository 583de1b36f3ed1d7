/**
 * Messages shown at fields (check errors, reviewers' reasons), kept as a mirror of the form's
 * shape so a section binds `errors.principal.mobile` next to `subject.principal.mobile`. Updates
 * come back as setData paths for just the fields that changed.
 *
 * Two details make the mirror safe for setData: a message about a whole block or list (e.g. the
 * service types, a region) sits under `_` inside that block, and anything inside a list is sent
 * as the list's whole mirror, since a path into an array element that does not exist yet is not
 * something setData should be asked to create.
 */
import { isIndexSegment, normalizePath, readPath } from '@beian/core';

export type Mirror = { [key: string]: string | Mirror };

interface Entry {
  path: string;
  message: string;
}

/** Where a path's message sits in the mirror: `subject.name`, or `miniprogram.serviceTypes._`. */
export function mirrorKey(form: unknown, path: string): string {
  const dotted = normalizePath(path);
  const value = readPath(form, dotted);
  return typeof value === 'object' && value !== null ? `${dotted}._` : dotted;
}

function put(root: Mirror, key: string, message: string): void {
  const segments = key.split('.');
  let node = root;
  segments.slice(0, -1).forEach((segment) => {
    const next = node[segment];
    if (typeof next === 'object') {
      node = next;
    } else {
      const created: Mirror = typeof next === 'string' && next !== '' ? { _: next } : {};
      node[segment] = created;
      node = created;
    }
  });
  const last = segments[segments.length - 1] ?? '';
  if (typeof node[last] !== 'object') node[last] = message;
}

/** The part of a key up to the first list index, when it goes into a list. */
function listRoot(key: string): string | null {
  const segments = key.split('.');
  const index = segments.findIndex(isIndexSegment);
  return index > 0 ? segments.slice(0, index).join('.') : null;
}

export class IssueBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly root: string) {}

  /** The whole mirror, for the first render. */
  mirror(): Mirror {
    const mirror: Mirror = {};
    for (const [key, entry] of this.entries) put(mirror, key, entry.message);
    return mirror;
  }

  has(path: string): boolean {
    const dotted = normalizePath(path);
    return [...this.entries.values()].some((entry) => entry.path === dotted);
  }

  /**
   * Replaces the messages of every path `inScope` accepts with those of `issues` (the first per
   * path) and answers the setData payload that shows the difference.
   */
  replace(
    form: unknown,
    issues: readonly { path: string; message: string }[],
    inScope: (path: string) => boolean,
  ): Record<string, unknown> {
    const next = new Map<string, Entry>();
    for (const issue of issues) {
      const path = normalizePath(issue.path);
      const key = mirrorKey(form, path);
      if (inScope(path) && !next.has(key)) next.set(key, { path, message: issue.message });
    }
    const changed: string[] = [];
    for (const [key, entry] of this.entries) {
      if (inScope(entry.path) && !next.has(key)) {
        this.entries.delete(key);
        changed.push(key);
      }
    }
    for (const [key, entry] of next) {
      if (this.entries.get(key)?.message !== entry.message) changed.push(key);
      this.entries.set(key, entry);
    }
    return this.payload(changed);
  }

  private payload(changed: readonly string[]): Record<string, unknown> {
    const patch: Record<string, unknown> = {};
    for (const key of changed) {
      const list = listRoot(key);
      if (list) patch[`${this.root}.${list}`] = this.subtree(list);
      else patch[`${this.root}.${key}`] = this.entries.get(key)?.message ?? '';
    }
    return patch;
  }

  private subtree(prefix: string): Mirror {
    const mirror: Mirror = {};
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${prefix}.`)) put(mirror, key.slice(prefix.length + 1), entry.message);
    }
    return mirror;
  }
}
