/** Shared by the rules suites: targets built from the fixtures, and readers of a CheckResult. */
import { check, type CheckResult, type CheckTarget, type FilingForm, type FilingKind } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

export const TODAY = '2026-11-28';

export function target(form: FilingForm, kind: FilingKind = 'new'): CheckTarget {
  return { kind, cancelScope: null, form };
}

/** Checks a personal form after `change` broke one thing. */
export function checkPersonal(change: (form: FilingForm) => void, today = TODAY): CheckResult {
  const form = personalForm();
  change(form);
  return check(target(form), { today });
}

/** Checks an enterprise form after `change` broke one thing. */
export function checkEnterprise(change: (form: FilingForm) => void, today = TODAY): CheckResult {
  const form = enterpriseForm();
  change(form);
  return check(target(form), { today });
}

/** `path code` of every error, for compact assertions. */
export function errors(result: CheckResult): string[] {
  return result.errors.map((issue) => `${issue.path} ${issue.code}`);
}

export function warnings(result: CheckResult): string[] {
  return result.warnings.map((issue) => `${issue.path} ${issue.code}`);
}

/** The one message at `path` (error first), to assert what the filer reads. */
export function messageAt(result: CheckResult, path: string): string {
  return [...result.errors, ...result.warnings].find((issue) => issue.path === path)?.message ?? '';
}
