/**
 * The reading side of `apply_icp_filing`'s validation: every reader takes a value at an API path
 * (`icp_subject.principal_info.mobile`), answers it when it is what WeChat expects and otherwise
 * adds a hint at that path. Hints are collected, never thrown, so one answer names every field
 * WeChat would refuse, as WeChat's `hints` do.
 */
import { ERRCODE, type FilingHint } from '../../../server/wechat/api';
import type { MediaRecord } from '../state';

export type Json = Record<string, unknown>;

export interface ApplyContext {
  /** The authorizer's own media, or undefined. */
  media(mediaId: string): MediaRecord | undefined;
  /** Why a verify task cannot be used, or null when it can. */
  verifyTask(taskId: string): string | null;
}

export class Check {
  readonly hints: FilingHint[] = [];

  constructor(readonly context: ApplyContext) {}

  fail(field: string, errmsg: string, errcode: number = ERRCODE.applyInvalid): void {
    this.hints.push({ errcode, errmsg, err_field: field });
  }

  /** An object at `field` (a missing one is a hint when required). */
  object(parent: Json, key: string, field: string, required = true): Json | null {
    const value = parent[key];
    if (value === undefined || value === null) {
      if (required) this.fail(field, `缺少 ${field}`);
      return null;
    }
    if (!isJson(value)) {
      this.fail(field, `${field} 应为对象`);
      return null;
    }
    return value;
  }

  /** A non-empty string (trimmed); '' when it is missing or not a string. */
  text(parent: Json, key: string, field: string, required = true): string {
    const value = parent[key];
    if (value === undefined || value === null || value === '') {
      if (required) this.fail(field, `${field} 为必填项`);
      return '';
    }
    if (typeof value !== 'string') {
      this.fail(field, `${field} 应为字符串`);
      return '';
    }
    if (value.trim() === '' && required) this.fail(field, `${field} 为必填项`);
    return value.trim();
  }

  /** An integer; null when missing or not an integer. */
  integer(parent: Json, key: string, field: string): number | null {
    const value = parent[key];
    if (value === undefined || value === null) {
      this.fail(field, `${field} 为必填项`);
      return null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(field, `${field} 应为整数`);
      return null;
    }
    return value;
  }

  /** A `YYYYMMDD` calendar date (or 长期 when allowed); '' when it is not one. */
  date(parent: Json, key: string, field: string, longTermAllowed: boolean): string {
    const value = this.text(parent, key, field);
    if (value === '') return '';
    if (longTermAllowed && value === '长期') return value;
    if (!isCalendarDate(value)) {
      this.fail(field, `${field} 应为 YYYYMMDD 格式的日期${longTermAllowed ? '，或“长期”' : ''}`);
      return '';
    }
    return value;
  }

  /**
   * A media_id this authorizer uploaded. For a certificate photo, also uploaded with the
   * certificate type the body names: WeChat checks that only here, at apply (86328).
   */
  media(parent: Json, key: string, field: string, required: boolean, certificateType?: number | null): void {
    const mediaId = this.text(parent, key, field, required);
    if (mediaId === '') return;
    this.mediaId(mediaId, field, certificateType);
  }

  mediaId(mediaId: string, field: string, certificateType?: number | null): void {
    const record = this.context.media(mediaId);
    if (!record) {
      this.fail(field, `${field} 的 media_id 不存在，请先用 upload_icp_media 上传`, ERRCODE.unknownMedia);
      return;
    }
    if (
      certificateType !== undefined &&
      certificateType !== null &&
      record.certificateType !== certificateType
    ) {
      this.fail(
        field,
        `${field} 上传时的证件类型（${record.certificateType ?? '未填'}）与所填证件类型（${certificateType}）不一致`,
        ERRCODE.certificateTypeMismatch,
      );
    }
  }
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Characters as a filer counts them (an emoji or a rare CJK character is one). */
export function characters(value: string): number {
  return [...value].length;
}
