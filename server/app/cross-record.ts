/**
 * The rules across applications (docs/domain.md § Checks across fields and records), as the server
 * runs them: look up the filed and open applications that share the subject, a principal's mobile
 * or the AppID, and let core's `crossRecordIssues` judge. At submit the findings refuse the move
 * and their key revisions go into its commit (store/types.ts KeyGuard), so two submits that
 * together break a rule cannot both land; before it (`filing.check`) they are warnings.
 */
import { crossRecordIssues, relatedKeys, relatedOf, type Application, type Issue } from '@beian/core';
import type { ServerDeps } from '../deps';
import { refuse, type Refusal } from '../errors';
import type { KeyGuard } from '../store/types';

/**
 * Related applications read per key: more than a subject's 50 mini-programs with their changes,
 * so a quota is never counted short.
 */
export const RELATED_LIMIT = 500;

export interface CrossRecordFindings {
  issues: Issue[];
  guards: KeyGuard[];
  /** What the lookup found (filed and open applications sharing a key), for the review page. */
  related: Application[];
}

/** The findings for `application` as its filer would be told them. */
export async function crossRecordFindings(
  deps: ServerDeps,
  application: Application,
): Promise<CrossRecordFindings> {
  const found = await deps.store.relatedFilings(relatedKeys(application.form), RELATED_LIMIT);
  const issues = crossRecordIssues(
    { id: application.id, kind: application.kind, baseId: application.baseId, form: application.form },
    found.applications.map((other) => relatedOf(other, application.owner)),
  );
  return { issues, guards: found.guards, related: found.applications };
}

export function crossRecordRefusal(issues: readonly Issue[]): Refusal {
  const message =
    issues.length === 1 && issues[0]
      ? issues[0].message
      : `与已有的备案有 ${issues.length} 处冲突，请按各项提示修改后再提交。`;
  return refuse.validation(message, [...issues]);
}
