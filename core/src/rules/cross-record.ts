/**
 * The rules one form cannot decide, because they compare it with other filings (docs/domain.md
 * § Checks across fields and records): a phone another subject uses, a subject in a second
 * province, a subject over its quota, a second open order for one mini-program, a record number
 * given twice. Pure: the server looks the related applications up (by subject, mobile and AppID)
 * and passes them in; at submit the findings are errors, before it (`filing.check`) warnings.
 *
 * Messages name what conflicts without revealing anyone else's data: never another filer's name,
 * number or mobile, only facts about the filer's own subject (its province, its count) and the
 * state of the open order that blocks an AppID.
 */
import { regionName } from '../data/regions';
import type { Application, FilingKind, FilingState } from '../model/application';
import type { FilingForm } from '../model/form';
import type { Issue } from '../result';
import { OPEN_STATES, STATE_INFO } from '../workflow/states';
import { miniprogramQuota, PERSON_QUOTA, principalMobiles, subjectKey } from './records';

/** What the server tells of another application: only what the rules compare. */
export interface RelatedApplication {
  id: string;
  /** It belongs to the filer who asks, so it may be named. */
  own: boolean;
  kind: FilingKind;
  state: FilingState;
  /** The filed record it changes or cancels, if any. */
  baseId: string | null;
  /** `subjectKey` of its form. */
  subjectKey: string;
  /** Its subject's province code. */
  province: string;
  appid: string;
  /** Its principals' own mobiles (`principalMobiles`). */
  mobiles: readonly string[];
}

/** The codes of the findings only the server can make: a client keeps them until it checks again. */
export const CROSS_RECORD_CODES: readonly string[] = [
  'mobile.other_subject',
  'subject.other_province',
  'subject.quota',
  'miniprogram.open_order',
];

export function isCrossRecordIssue(issue: Pick<Issue, 'code'>): boolean {
  return CROSS_RECORD_CODES.includes(issue.code);
}

/** The application being checked. */
export interface CrossRecordTarget {
  id: string;
  kind: FilingKind;
  baseId: string | null;
  form: FilingForm;
}

/** The keys the server looks related applications up by. */
export interface RelatedKeys {
  subjectKey: string;
  mobiles: string[];
  appid: string;
}

export function relatedKeys(form: FilingForm): RelatedKeys {
  return { subjectKey: subjectKey(form), mobiles: principalMobiles(form), appid: form.miniprogram.appid };
}

/** What the server stores next to an application so others can find and compare it. */
export function relatedOf(application: Application, asker: string): RelatedApplication {
  const { form } = application;
  return {
    id: application.id,
    own: application.owner === asker,
    kind: application.kind,
    state: application.state,
    baseId: application.baseId,
    subjectKey: subjectKey(form),
    province: form.subject.region.province,
    appid: form.miniprogram.appid,
    mobiles: principalMobiles(form),
  };
}

/** Filed, or submitted and not finished: what holds a phone, a province, a quota place. */
export function holdsItsFiling(state: FilingState): boolean {
  return state === 'filed' || OPEN_STATES.includes(state);
}

/** The states `holdsItsFiling` accepts, for the store's lookups. */
export const HOLDING_STATES: readonly FilingState[] = ['filed', ...OPEN_STATES];

/** Another application, not the one checked nor the record it changes (they are one filing). */
function others(target: CrossRecordTarget, related: readonly RelatedApplication[]): RelatedApplication[] {
  return related.filter(
    (other) =>
      other.id !== target.id &&
      other.id !== target.baseId &&
      (target.baseId === null || other.baseId !== target.baseId),
  );
}

function mobileIssues(target: CrossRecordTarget, holders: readonly RelatedApplication[]): Issue[] {
  const key = subjectKey(target.form);
  const paths: [string, string][] = [['subject.principal.mobile', target.form.subject.principal.mobile]];
  if (!target.form.miniprogram.principal.sameAsSubjectPrincipal)
    paths.push(['miniprogram.principal.mobile', target.form.miniprogram.principal.mobile]);
  return paths
    .filter(
      ([, mobile]) =>
        mobile !== '' && holders.some((other) => other.subjectKey !== key && other.mobiles.includes(mobile)),
    )
    .map(([path]) => ({
      path,
      code: 'mobile.other_subject',
      message: '这个手机号已用于其他主体的备案，一个手机号只能用于一个主体：请换用负责人本人的其他手机号。',
    }));
}

function provinceIssue(target: CrossRecordTarget, holders: readonly RelatedApplication[]): Issue | null {
  const key = subjectKey(target.form);
  const province = target.form.subject.region.province;
  const elsewhere = holders.find(
    (other) => other.subjectKey === key && other.province !== '' && other.province !== province,
  );
  if (key === '' || province === '' || !elsewhere) return null;
  const name = regionName(elsewhere.province) || elsewhere.province;
  return {
    path: 'subject.region.province',
    code: 'subject.other_province',
    message: `该主体已在${name}备案或有进行中的申请，同一主体只能在一个省份备案：请将省份改为${name}，或先注销那里的备案。`,
  };
}

function quotaIssue(target: CrossRecordTarget, holders: readonly RelatedApplication[]): Issue | null {
  const key = subjectKey(target.form);
  const appid = target.form.miniprogram.appid;
  if (key === '') return null;
  const held = new Set(
    holders.filter((other) => other.subjectKey === key && other.appid !== appid).map((other) => other.appid),
  );
  const quota = miniprogramQuota(target.form);
  if (held.size < quota) return null;
  const who = quota === PERSON_QUOTA ? '个人或个体工商户' : '单位';
  return {
    path: 'miniprogram.appid',
    code: 'subject.quota',
    message: `该主体已备案或正在申请 ${held.size} 个小程序，${who}主体最多备案 ${quota} 个：请先注销不再运营的小程序备案。`,
  };
}

function openOrderIssue(target: CrossRecordTarget, related: readonly RelatedApplication[]): Issue | null {
  const appid = target.form.miniprogram.appid;
  const open = related.find((other) => other.appid === appid && OPEN_STATES.includes(other.state));
  if (appid === '' || !open) return null;
  // The state is no one's personal data, and tells the filer what to wait for; whose it is stays
  // unsaid unless it is the filer's own.
  const label = STATE_INFO[open.state].label;
  const message = open.own
    ? `你已有一条该小程序的申请「${label}」，同一小程序同时只能有一条进行中的申请：请在「我的备案」中继续办理或撤回它。`
    : `该小程序已有一条他人提交的进行中申请「${label}」，同一小程序同时只能有一条：请等它办结，或请提交它的人撤回后再提交。`;
  return { path: 'miniprogram.appid', code: 'miniprogram.open_order', message };
}

/**
 * Every cross-record finding for `target` among `related` (any applications sharing its subject,
 * a principal's mobile or its AppID). A cancellation takes a place from nobody: only the
 * one-open-order rule applies to it.
 */
export function crossRecordIssues(
  target: CrossRecordTarget,
  related: readonly RelatedApplication[],
): Issue[] {
  const rest = others(target, related);
  const open = openOrderIssue(target, rest);
  if (target.kind === 'cancel') return open ? [open] : [];
  const holders = rest.filter((other) => holdsItsFiling(other.state));
  const found = [
    ...mobileIssues(target, holders),
    provinceIssue(target, holders),
    quotaIssue(target, holders),
    open,
  ];
  return found.filter((issue): issue is Issue => issue !== null);
}

/**
 * A record number is one filing's: refused when another application holds it, other than the
 * record a change or cancellation keeps the number of.
 */
export function recordNumberIssue(
  target: Pick<Application, 'id' | 'baseId'>,
  holders: readonly Pick<Application, 'id' | 'baseId'>[],
): Issue | null {
  const taken = holders.some(
    (holder) =>
      holder.id !== target.id &&
      holder.id !== target.baseId &&
      (target.baseId === null || holder.baseId !== target.baseId),
  );
  if (!taken) return null;
  return {
    path: 'recordNumber',
    code: 'record_number.taken',
    message: '这个备案号已登记在另一条备案上，一个备案号只属于一个备案：请核对工信部备案系统显示的备案号。',
  };
}
