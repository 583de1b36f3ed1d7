/**
 * `draft.save` with a `patch`: `{ "subject.name": "…", "miniprogram.preApprovals.0.code": "…" }`.
 * Each path must name something the form already has (a list may grow by one item at its end),
 * so a patch can change values but never add keys; the patched form is then validated whole.
 */
import {
  fieldLabel,
  isDottedPath,
  MAX_PATH_LENGTH,
  writePath,
  type FilingForm,
  type Issue,
} from '@beian/core';

/** More keys than any one step of the form holds: a bigger patch is a whole form in disguise. */
export const MAX_PATCH_KEYS = 100;

export type Patched = { ok: true; form: unknown } | { ok: false; issues: Issue[] };

function refusal(path: string, message: string): Issue {
  return { path, code: 'invalid_path', message };
}

/** Sets one path in a copy of the form, or says why it cannot. */
function setPath(form: Record<string, unknown>, path: string, value: unknown): Issue | null {
  if (!isDottedPath(path)) return refusal(path.slice(0, MAX_PATH_LENGTH), '字段路径格式不正确。');
  switch (writePath(form, path, value)) {
    case null:
      return null;
    case 'no_item':
      return refusal(path, `${fieldLabel(path) || path} 不存在。`);
    case 'missing':
      return refusal(path, `表单中没有「${path}」这一项。`);
  }
}

/** The form with the patch applied (a copy), or an Issue per path that does not exist. */
export function applyPatch(form: FilingForm, patch: Record<string, unknown>): Patched {
  const keys = Object.keys(patch);
  if (keys.length === 0) return { ok: false, issues: [refusal('patch', '没有要保存的修改。')] };
  if (keys.length > MAX_PATCH_KEYS) {
    return { ok: false, issues: [refusal('patch', `一次最多保存 ${MAX_PATCH_KEYS} 处修改。`)] };
  }
  const copy = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
  // Shorter paths first, so `miniprogram.preApprovals` then `miniprogram.preApprovals.0.code` works.
  const ordered = [...keys].sort((a, b) => a.split('.').length - b.split('.').length);
  const issues: Issue[] = [];
  for (const path of ordered) {
    const issue = setPath(copy, path, JSON.parse(JSON.stringify(patch[path] ?? null)) as unknown);
    if (issue) issues.push(issue);
  }
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, 20) } : { ok: true, form: copy };
}
