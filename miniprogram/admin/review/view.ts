/**
 * Everything the review page shows, from one `admin` `filing.get` answer.
 */
import { kindLabel, skipsSmsCheck, type FilingKind, type FilingState } from '@beian/core';
import type { ReviewDetail } from '../services/reviews';
import { stateTag, type StateTag } from '../../utils/state-tag';
import { beijingDateTime } from '../../utils/time';
import type { FieldOption } from '../components/reason-form/draft';
import { wechatPanel, type WeChatPanel } from './wechat';
import { recognitionViews, type RecognitionView } from './recognition';
import { relatedView, type RelatedView } from './related';
import { fieldOptions, imageUrls, reviewSections, type SectionView } from './sections';
import { auditRows, checkRows, reviewStep, type AuditRow, type IssueRow, type ReviewStep } from './trail';

export interface ReviewView extends StateTag {
  version: number;
  state: FilingState;
  kind: FilingKind;
  kindText: string;
  title: string;
  submitted: string;
  due: string;
  overdue: boolean;
  step: ReviewStep;
  /** 取消接入: the platform approval goes straight to the authority, no SMS check. */
  skipsSms: boolean;
  sections: SectionView[];
  /** What was read off each certificate photo, by the photo's path. */
  recognitions: Record<string, RecognitionView>;
  images: string[];
  errors: IssueRow[];
  warnings: IssueRow[];
  audit: AuditRow[];
  /** The same subject's other filed and open applications, and its quota used. */
  related: RelatedView;
  options: FieldOption[];
  /** A change or cancellation keeps the number of its record: offered ready-filled. */
  knownRecordNumber: string;
  /** The channel, and in the WeChat channel what was sent and answered; null before a submit. */
  channel: WeChatPanel | null;
}

export function reviewView(detail: ReviewDetail): ReviewView {
  const { filing } = detail;
  const sections = reviewSections(filing.form, detail.media);
  const { errors, warnings } = checkRows(detail.check);
  return {
    version: filing.version,
    state: filing.state,
    ...stateTag(filing.state),
    kind: filing.kind,
    kindText: kindLabel(filing.kind, filing.cancelScope),
    title: filing.form.miniprogram.name || filing.form.subject.name || '未命名申请',
    submitted: beijingDateTime(filing.submittedAt),
    due: filing.due ? beijingDateTime(filing.due.at) : '',
    overdue: filing.overdueSince !== null,
    step: reviewStep(filing),
    skipsSms: skipsSmsCheck(filing),
    sections,
    recognitions: recognitionViews(filing.form, detail.recognitions),
    images: imageUrls(sections),
    errors,
    warnings,
    audit: auditRows(detail.audit),
    related: relatedView(detail.related),
    options: fieldOptions(filing.form),
    knownRecordNumber: filing.kind !== 'new' && filing.recordNumber ? filing.recordNumber : '',
    channel: wechatPanel(filing),
  };
}
