/**
 * `apply_icp_filing`'s body as WeChat checks it (docs/wechat-platform.md § Mapping): every
 * field it would refuse becomes a hint at the field's API path, all of them in one answer.
 */
import type { FilingHint } from '../../../server/wechat/api';
import { checkApplets, checkMaterials } from './applets';
import { Check, isJson, type ApplyContext } from './check';
import { checkSubject } from './subject';

export type { ApplyContext } from './check';

export function validateApply(body: unknown, context: ApplyContext): FilingHint[] {
  const check = new Check(context);
  if (!isJson(body)) {
    check.fail('icp_subject', '请求体应为包含 icp_subject 和 icp_applets 的对象');
    return check.hints;
  }
  checkSubject(check, body);
  checkApplets(check, body);
  checkMaterials(check, body);
  return check.hints;
}
