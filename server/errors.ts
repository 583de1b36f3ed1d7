import type { ErrorCode, Failure, Issue } from '@beian/core';

/**
 * A refusal the caller should see as `{ ok: false, error }`. Anything else thrown inside an action
 * is a bug and becomes INTERNAL (logged, never shown in detail).
 */
export class Refusal extends Error {
  readonly failure: Failure;

  constructor(code: ErrorCode, message: string, fields?: Issue[]) {
    super(message);
    this.name = 'Refusal';
    this.failure = fields && fields.length > 0 ? { code, message, fields } : { code, message };
  }
}

export const refuse = {
  badRequest: (message: string, fields?: Issue[]) => new Refusal('BAD_REQUEST', message, fields),
  validation: (message: string, fields: Issue[]) => new Refusal('VALIDATION', message, fields),
  unauthenticated: () => new Refusal('UNAUTHENTICATED', '无法识别你的微信身份，请在微信中重新打开小程序。'),
  forbidden: (message = '你没有权限进行此操作。') => new Refusal('FORBIDDEN', message),
  notFound: (message = '找不到这条备案申请，请返回列表刷新后重试。') => new Refusal('NOT_FOUND', message),
  conflict: (message = '这条申请已在别处更新，请刷新后再试，你填写的内容不会丢失。') =>
    new Refusal('CONFLICT', message),
  invalidState: (message: string) => new Refusal('INVALID_STATE', message),
};
