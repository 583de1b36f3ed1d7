/**
 * The params of every action, parsed at the boundary. Each schema is typed against the contract
 * (`z.ZodType<ParamsOf<…>>`), so a param that drifts from core/src/contract.ts fails to compile.
 * Objects are strict: an unknown key is a BAD_REQUEST naming it.
 */
import {
  FILING_STATES,
  isMobile,
  type ActionName,
  type FilingForm,
  type FilingState,
  type FunctionName,
  type ParamsOf,
} from '@beian/core';
import { z } from 'zod';

export type ParamsSchema<F extends FunctionName, A extends ActionName<F>> = z.ZodType<ParamsOf<F, A>>;

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');
export const version = z.number().int().min(1).max(1_000_000_000);
export const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 应为 8–64 位字母、数字、- 或 _');
export const cursor = z.string().max(200);
export const limit = z.number().int().min(1).max(50);
export const openid = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'OPENID 格式不正确');
export const none = z.strictObject({});

const versioned = { id, version };

// FILING_STATES lists every state (core keeps it in step with the FilingState union).
const filingState = z.enum(FILING_STATES as [FilingState, ...FilingState[]]);

/** A form is checked field by field by the action (VALIDATION on form paths), not here. */
const formShape = z.custom<FilingForm>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  '表单应为对象',
);

export const reasons = z
  .array(
    z.strictObject({
      field: z.string().min(1).max(120),
      error: z.string().min(1).max(200),
      suggest: z.string().max(200),
    }),
  )
  .min(1)
  .max(30);

export const filingParams = {
  'session.get': none,
  'draft.create': z.strictObject({
    kind: z.enum(['new', 'change', 'cancel']),
    cancelScope: z.enum(['subject', 'miniprogram', 'access']).optional(),
    baseId: id.optional(),
  }),
  'draft.save': z.strictObject({
    ...versioned,
    form: formShape.optional(),
    patch: z.record(z.string().max(120), z.unknown()).optional(),
  }),
  'filing.check': z.strictObject({ id }),
  'filing.submit': z.strictObject({ ...versioned, requestId }),
  'filing.withdraw': z.strictObject(versioned),
  'filing.get': z.strictObject({ id }),
  'filing.list': z.strictObject({ cursor: cursor.optional(), limit: limit.optional() }),
  'sms.resend': z.strictObject(versioned),
  'sms.confirm': z.strictObject(versioned),
  'face.retry': z.strictObject(versioned),
  'subscription.record': z.strictObject({
    results: z.record(z.string().min(1).max(128), z.enum(['accept', 'reject', 'ban', 'filter'])),
  }),
  'media.url': z.strictObject({ fileIds: z.array(z.string().max(512)).min(1).max(50) }),
  'platform.authorization': z.strictObject({
    appid: z.string().regex(/^wx[0-9a-f]{16}$/),
  }),
  'tables.get': z.strictObject({ version: z.string().max(64).optional() }),
  'file.register': z.strictObject({
    fileId: z.string().min(1).max(512),
    field: z
      .string()
      .regex(/^[A-Za-z0-9_.]{1,120}$/, 'field 应为表单路径')
      .optional(),
  }),
} satisfies { [A in ActionName<'filing'>]: ParamsSchema<'filing', A> };

export const adminParams = {
  'queue.list': z.strictObject({
    state: filingState.optional(),
    overdue: z.boolean().optional(),
    query: z.string().max(40).optional(),
    cursor: cursor.optional(),
    limit: limit.optional(),
  }),
  'filing.get': z.strictObject({ id }),
  'review.approve': z.strictObject(versioned),
  'wechat.retry': z.strictObject(versioned),
  'review.reject': z.strictObject({ ...versioned, reasons }),
  'sms.record': z.strictObject(versioned),
  'authority.approve': z.strictObject({ ...versioned, recordNumber: z.string().min(1).max(40) }),
  'authority.reject': z.strictObject({ ...versioned, reasons }),
  'stats.get': none,
  'admins.add': z.strictObject({
    openid,
    name: z.string().trim().min(1).max(20),
    // core's phone rule, the same the form's mobiles pass: a mobile of another shape would never
    // equal a principal's, and the reviewer would silently review their own applications.
    mobile: z.string().refine(isMobile, '手机号应为11位中国大陆手机号码（1开头），请核对').optional(),
  }),
  'admins.remove': z.strictObject({ openid }),
  'admins.list': none,
  'setup.run': none,
} satisfies { [A in ActionName<'admin'>]: ParamsSchema<'admin', A> };

export const schedulerParams = {
  tick: none,
} satisfies { [A in ActionName<'scheduler'>]: ParamsSchema<'scheduler', A> };
