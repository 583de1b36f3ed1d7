/**
 * The review page's card of the subject's other filings: filed and open applications of the same
 * subject (the server masks another filer's principal) and the mini-program quota they use, so
 * the reviewer sees a second province, a full quota or a parallel order at a glance.
 */
import { KIND_INFO, regionName, type RelatedFilings } from '@beian/core';
import { stateTag, type StateTag } from '../../utils/state-tag';

export interface RelatedRow extends StateTag {
  id: string;
  title: string;
  label: string;
}

export interface RelatedView {
  /** `已占用 3 / 5 个小程序名额`. */
  quotaText: string;
  /** No place left: a new filing of this subject would be refused. */
  quotaFull: boolean;
  rows: RelatedRow[];
}

export const NO_RELATED: RelatedView = { quotaText: '', quotaFull: false, rows: [] };

export function relatedView(related: RelatedFilings): RelatedView {
  const { used, limit } = related.quota;
  return {
    quotaText: `已占用 ${used} / ${limit} 个小程序名额`,
    quotaFull: used >= limit,
    rows: related.items.map((item) => ({
      id: item.id,
      title: `${item.miniprogramName || '未命名小程序'}（${KIND_INFO[item.kind].label}）`,
      label: [
        item.appid,
        regionName(item.province) || '省份未填',
        item.recordNumber ?? '',
        item.sameFiler ? '同一提交人' : '其他提交人',
        `负责人 ${item.principalName} ${item.principalMobile}`,
      ]
        .filter((part) => part !== '')
        .join(' · '),
      ...stateTag(item.state),
    })),
  };
}
