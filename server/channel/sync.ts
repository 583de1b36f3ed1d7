/**
 * Following WeChat's review (docs/wechat-platform.md § Following WeChat): read
 * `get_icp_entrance_info`, work out the state it stands for (core's `stateOfWeChat`), and walk
 * there by ordinary transitions with the WeChat actor — each with its audit entry and subscribe
 * message. A rejection's `audit_data` becomes reasons at our fields (by their Chinese labels); a
 * filing's number comes from `get_online_icp_order`.
 */
import { eventsToward, stateOfWeChat, type Application, type Reason } from '@beian/core';
import type { ServerDeps } from '../deps';
import type { AuditItem } from '../wechat/api';
import type { IcpClient } from '../wechat/icp';
import { formPathOfLabel } from '../wechat/mapping';
import { GENERAL_FIELD } from './send';
import { note, step, WECHAT } from './steps';

export async function followReview(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
): Promise<Application | null> {
  const { info } = await icp.entranceInfo();
  const status = {
    status: info.status,
    smsVerifyStatus: info.sms_verify_status ?? null,
    isCanceling: info.is_canceling ?? false,
  };
  const target = stateOfWeChat(application, status);
  const events = target ? eventsToward(application, target, { reasons: [], recordNumber: null }) : [];
  if (events.length === 0) return note(deps, application, { status });
  const recordNumber = target === 'filed' ? await filedNumber(icp) : application.recordNumber;
  const outcome = { reasons: reasonsOf(info.audit_data ?? []), recordNumber };
  let current = application;
  for (const event of eventsToward(application, target ?? application.state, outcome)) {
    current = await step(deps, current, event, WECHAT, { status });
  }
  return current;
}

async function filedNumber(icp: IcpClient): Promise<string> {
  const order = await icp.onlineOrder();
  return order.icp_applets?.base_info.record_number ?? '';
}

/** `audit_data` → reasons: a key_name that is one of our field labels lands on that field. */
export function reasonsOf(items: readonly AuditItem[]): Reason[] {
  const reasons = items.map((item) => ({
    field: formPathOfLabel(item.key_name) ?? GENERAL_FIELD,
    error: formPathOfLabel(item.key_name) || !item.key_name ? item.error : `${item.key_name}：${item.error}`,
    suggest: item.suggest ?? '',
  }));
  return reasons.length > 0 ? reasons : [{ field: GENERAL_FIELD, error: '微信审核未通过', suggest: '' }];
}
