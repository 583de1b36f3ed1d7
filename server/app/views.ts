/**
 * What callers see of an application: the filer's view leaves out nothing but the owner, lists
 * carry names and dates only, and the reviewers' queue masks the principal's ID number and mobile
 * (in full only on the review page, where opening is recorded: admin-reviews.ts).
 */
import {
  isOverdue,
  maskIdNumber,
  maskMobile,
  type Application,
  type FilingSummary,
  type FilingView,
  type QueueItem,
} from '@beian/core';

export function filerView(application: Application): FilingView {
  const { owner: _owner, ...view } = application;
  return view;
}

export function summaryOf(application: Application, now: Date): FilingSummary {
  return {
    id: application.id,
    kind: application.kind,
    cancelScope: application.cancelScope,
    state: application.state,
    version: application.version,
    subjectName: application.form.subject.name,
    miniprogramName: application.form.miniprogram.name,
    recordNumber: application.recordNumber,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    submittedAt: application.submittedAt,
    due: application.due,
    // The scheduler flags within a minute; until it has, the due time still says so.
    overdue: application.overdueSince !== null || isOverdue(application, now),
  };
}

export function queueItemOf(application: Application, now: Date): QueueItem {
  const principal = application.form.subject.principal;
  return {
    ...summaryOf(application, now),
    principalName: principal.name,
    principalIdMasked: maskIdNumber(principal.certificate.number),
    principalMobileMasked: maskMobile(principal.mobile),
  };
}
