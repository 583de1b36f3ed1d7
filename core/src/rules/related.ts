/**
 * What the review page shows of the subject's other filings (docs/domain.md § Checks across
 * fields and records): the ones that hold a place — filed, or submitted and not finished — and
 * how much of the subject's mini-program quota they use. Another filer's principal shows masked:
 * the reviewer compares subjects here, not people.
 */
import type { Application, FilingKind, FilingState } from '../model/application';
import { holdsItsFiling } from './cross-record';
import { maskMobile } from './ids';
import { miniprogramQuota, subjectKey } from './records';

export interface RelatedFiling {
  id: string;
  kind: FilingKind;
  state: FilingState;
  /** Filed by the same filer as the application under review. */
  sameFiler: boolean;
  appid: string;
  miniprogramName: string;
  /** The subject's province code in that application. */
  province: string;
  recordNumber: string | null;
  /** In full for the same filer; `张*` and `138****8000` for anyone else's. */
  principalName: string;
  principalMobile: string;
}

export interface RelatedFilings {
  /** The subject's other filed and open applications, open ones first, newest first. */
  items: RelatedFiling[];
  /** Mini-programs the subject holds (this one included when it holds), against its quota. */
  quota: { used: number; limit: number };
}

/** A name for someone else's row: the first character, the rest starred. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

function itemOf(application: Application, other: Application): RelatedFiling {
  const sameFiler = other.owner === application.owner;
  const principal = other.form.subject.principal;
  return {
    id: other.id,
    kind: other.kind,
    state: other.state,
    sameFiler,
    appid: other.form.miniprogram.appid,
    miniprogramName: other.form.miniprogram.name,
    province: other.form.subject.region.province,
    recordNumber: other.recordNumber,
    principalName: sameFiler ? principal.name : maskName(principal.name),
    principalMobile: sameFiler ? principal.mobile : maskMobile(principal.mobile),
  };
}

/** `found`: applications sharing a key with `application` (any state; others are left out here). */
export function relatedFilingsOf(application: Application, found: readonly Application[]): RelatedFilings {
  const key = subjectKey(application.form);
  const holders = found.filter(
    (other) => key !== '' && subjectKey(other.form) === key && holdsItsFiling(other.state),
  );
  const appids = new Set(holders.map((other) => other.form.miniprogram.appid));
  if (holdsItsFiling(application.state) && key !== '') appids.add(application.form.miniprogram.appid);
  appids.delete('');
  const items = holders
    .filter((other) => other.id !== application.id)
    .sort(
      (a, b) =>
        Number(a.state === 'filed') - Number(b.state === 'filed') || b.updatedAt.localeCompare(a.updatedAt),
    )
    .map((other) => itemOf(application, other));
  return { items, quota: { used: appids.size, limit: miniprogramQuota(application.form) } };
}
