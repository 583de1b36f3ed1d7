/**
 * One ICP order per authorizer appid, as WeChat keeps it: `get_icp_entrance_info` answers 1024
 * 未备案 until an apply WeChat accepts; then the review route moves it (review.ts). Withdrawal is
 * possible only under platform review, cancellation of the record only once filed.
 */
import { provinceAbbreviation } from '@beian/core';
import {
  ERRCODE,
  type ApplyIcpFilingRequest,
  type AuditItem,
  type EntranceInfoResponse,
  type WeChatStatus,
} from '../../server/wechat/api';
import type { LocalClock } from '../clock';
import { MORE_ERRCODE, OK, WeChatError } from './errors';
import { review, STATUS, type Outcome, type RecordNumbers } from './review';
import type { OrderState, StateFile } from './state';
import { validateApply, type ApplyContext } from './validate';

export class ReviewRefusal extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewRefusal';
  }
}

export interface ReviewAnswer {
  status: number;
  sms_verify_status: number;
  record_number: string | null;
}

export class OrderBook {
  constructor(
    private readonly file: StateFile,
    private readonly clock: LocalClock,
  ) {}

  find(appid: string): OrderState | undefined {
    const orders = this.file.state.orders;
    return Object.prototype.hasOwnProperty.call(orders, appid) ? orders[appid] : undefined;
  }

  entrance(appid: string): EntranceInfoResponse {
    const order = this.find(appid);
    const status = order?.status ?? STATUS.unfiled;
    const info: EntranceInfoResponse['info'] = {
      status,
      is_canceling: order?.isCanceling ?? false,
      available: 1,
    };
    if (status === STATUS.authorityReview && order) info.sms_verify_status = order.smsVerifyStatus;
    if (order && order.auditData.length > 0) info.audit_data = [...order.auditData];
    return { ...OK, info };
  }

  apply(appid: string, body: unknown, context: ApplyContext): WeChatStatus {
    const order = this.find(appid);
    // One order at a time, and none over a filing in force: the whole answer, before any field.
    if (order && (isOpen(order) || order.status === STATUS.filed))
      throw new WeChatError(ERRCODE.openOrderExists);
    const hints = validateApply(body, context);
    if (hints.length > 0) throw new WeChatError(ERRCODE.applyInvalid, '', hints);
    this.file.change((state) => {
      state.orders[appid] = {
        status: STATUS.platformReview,
        smsVerifyStatus: 0,
        isCanceling: false,
        auditData: [],
        application: body as ApplyIcpFilingRequest,
        filed: null,
      };
    });
    return { ...OK };
  }

  cancelApply(appid: string): WeChatStatus {
    const order = this.find(appid);
    if (!order?.application) throw new WeChatError(ERRCODE.noOrder);
    if (order.status !== STATUS.platformReview) throw new WeChatError(ERRCODE.notWithdrawable);
    this.file.change(() => {
      order.status = STATUS.unfiled;
      order.application = null;
      order.auditData = [];
    });
    return { ...OK };
  }

  cancelFiling(appid: string, body: unknown): WeChatStatus {
    const { cancel_type: type, reason_type: reason } = (
      typeof body === 'object' && body !== null ? body : {}
    ) as {
      cancel_type?: unknown;
      reason_type?: unknown;
    };
    if (type !== 1 && type !== 2 && type !== 3) {
      throw new WeChatError(MORE_ERRCODE.dataFormat, 'cancel_type 应为 1、2 或 3');
    }
    if (reason !== undefined && reason !== 1 && reason !== 2) {
      throw new WeChatError(MORE_ERRCODE.dataFormat, 'reason_type 应为 1 或 2');
    }
    const order = this.find(appid);
    if (order && isOpen(order)) throw new WeChatError(ERRCODE.openOrderExists);
    if (order?.status !== STATUS.filed || order.isCanceling) throw new WeChatError(ERRCODE.notFiled);
    this.file.change(() => void (order.isCanceling = true));
    return { ...OK };
  }

  /** The development route's move; answers the order afterwards. */
  review(appid: string, outcome: Outcome, auditData: readonly AuditItem[] | undefined): ReviewAnswer {
    const order = this.find(appid);
    if (!order?.application && !order?.filed) {
      throw new ReviewRefusal(
        404,
        `小程序 ${appid} 还没有提交过备案（apply_icp_filing），没有可审核的订单。`,
      );
    }
    const refused = this.file.change(() => review(order, outcome, auditData, () => this.issueNumbers(order)));
    if (refused) throw new ReviewRefusal(409, refused);
    return {
      status: order.status,
      sms_verify_status: order.smsVerifyStatus,
      record_number: order.filed?.recordNumber ?? null,
    };
  }

  /** `京ICP备2026000123号` for the subject, `-1X` after it for the mini-program. */
  private issueNumbers(order: OrderState): RecordNumbers {
    const province = order.application?.icp_subject.base_info.province ?? '';
    const seq = (this.file.state.recordSeq += 1);
    const year = new Date(this.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    const subjectRecordNumber = `${provinceAbbreviation(province) || '京'}ICP备${year}${String(seq).padStart(6, '0')}号`;
    return { subjectRecordNumber, recordNumber: `${subjectRecordNumber}-1X` };
  }
}

/** Under review at WeChat or the authority: 86324 for a second order or a cancellation. */
function isOpen(order: OrderState): boolean {
  if (order.status === STATUS.platformReview) return true;
  return order.status === STATUS.authorityReview && order.smsVerifyStatus !== 3;
}
