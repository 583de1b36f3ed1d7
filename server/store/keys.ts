/**
 * The sort keys both adapters index, derived from the application on every write so that paging
 * is a single-field range scan (`key < cursor` / `key > cursor`) on any database.
 */
import {
  channelOf,
  FOLLOWED_STATES,
  subjectKey,
  type Application,
  type ChannelKind,
  type FilingState,
} from '@beian/core';
import type { RelatedLookup } from './types';

/** Newest first for a filer's list: scanned descending. */
export function listKey(application: Pick<Application, 'id' | 'updatedAt'>): string {
  return `${application.updatedAt}|${application.id}`;
}

const MAX_MS = 9_999_999_999_999;

/**
 * Reviewers' order, scanned ascending: overdue reviews first (longest overdue first), then
 * everything with a due time by due time, then the rest most recently updated first.
 */
export function queueKey(
  application: Pick<Application, 'id' | 'updatedAt' | 'due' | 'overdueSince'>,
): string {
  const { due, id } = application;
  if (due && application.overdueSince) return `0|${due.at}|${id}`;
  if (due) return `1|${due.at}|${id}`;
  const newestFirst = String(MAX_MS - Date.parse(application.updatedAt)).padStart(13, '0');
  return `2|${newestFirst}|${id}`;
}

/**
 * The WeChat channel's poll order, scanned ascending: the application checked longest ago first
 * (never checked: first of all). Null when nothing is to be asked of WeChat.
 */
export function followKey(application: Application): string | null {
  if (channelOf(application) !== 'wechat' || !FOLLOWED_STATES.includes(application.state)) return null;
  // '0' sorts before any ISO time ('2…'): never checked comes first.
  return `${application.wechat?.checkedAt ?? '0'}|${application.id}`;
}

/** The columns/fields every adapter stores next to the document, for its indexes. */
export interface IndexFields {
  owner: string;
  state: FilingState;
  version: number;
  baseId: string | null;
  dueAt: string | null;
  overdue: boolean;
  listKey: string;
  queueKey: string;
  subjectName: string;
  miniprogramName: string;
  channel: ChannelKind;
  followKey: string | null;
  /** The mini-program's appid while followed: a pushed event names the appid, not the application. */
  followAppid: string | null;
  /** The cross-record keys (docs/domain.md § Checks across fields and records); '' when unset. */
  subjectKey: string;
  appid: string;
  principalMobile: string;
  /** The mini-program principal's own mobile; '' when it is the subject principal. */
  miniprogramMobile: string;
}

export function indexFields(application: Application): IndexFields {
  return {
    owner: application.owner,
    state: application.state,
    version: application.version,
    baseId: application.baseId,
    dueAt: application.due?.at ?? null,
    overdue: application.overdueSince !== null,
    listKey: listKey(application),
    queueKey: queueKey(application),
    subjectName: application.form.subject.name,
    miniprogramName: application.form.miniprogram.name,
    channel: channelOf(application),
    followKey: followKey(application),
    followAppid: followKey(application) === null ? null : application.form.miniprogram.appid,
    subjectKey: subjectKey(application.form),
    appid: application.form.miniprogram.appid,
    principalMobile: application.form.subject.principal.mobile,
    miniprogramMobile: application.form.miniprogram.principal.sameAsSubjectPrincipal
      ? ''
      : application.form.miniprogram.principal.mobile,
  };
}

/** The guard keys of a lookup (store/types.ts KeyGuard), one per non-empty key, each once. */
export function guardKeys(lookup: RelatedLookup): string[] {
  const keys = [
    lookup.subjectKey && `subject:${lookup.subjectKey}`,
    ...lookup.mobiles.map((mobile) => mobile && `mobile:${mobile}`),
    lookup.appid && `appid:${lookup.appid}`,
  ];
  return keys.filter((key, index) => key !== '' && keys.indexOf(key) === index);
}

/** Cursors are opaque to callers: the key, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

const KEY_PATTERN =
  /^[0-9]\|[0-9TZ:.-]{13,30}\|[A-Za-z0-9_-]{1,64}$|^[0-9T:.Z-]{20,30}\|[A-Za-z0-9_-]{1,64}$/;

/** The key inside a cursor, or null when the cursor is not one we issued. */
export function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return KEY_PATTERN.test(key) ? key : null;
}
