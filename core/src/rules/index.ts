// Checks of a filing: the whole application, one step, one field; the validators they are
// built from, usable alone; the materials checklist; keys for the server's cross-record rules.
export * from './check';
export { materialsChecklist } from './materials';
export { isIsoDate, addMonths } from './dates';
export {
  isResidentId,
  isResidencePermitNumber,
  isForeignPermanentResidentId,
  isHkMacauPermit,
  isLooseDocumentNumber,
  gb11643Problem,
  mod112CheckCharacter,
  maskIdNumber,
  maskMobile,
  type Gb11643Document,
  type IdNumberProblem,
} from './ids';
export {
  isUscc,
  usccProblem,
  usccCheckCharacter,
  isOrganizationCode,
  usccFitsSubjectType,
  type UsccProblem,
} from './uscc';
export { isMobile, isEmail } from './contacts';
export { isRecordNumber, recordNumberProvince, checkRecordNumber } from './record-number';
export { preApprovalHints, businessScopeHints, type PreApprovalHint } from './keywords';
export { sameAsRead } from './recognition';
export { subjectKey, principalMobiles, miniprogramQuota, PERSON_QUOTA, ORGANISATION_QUOTA } from './records';
export { miniprogramPrincipalIsDelegate } from './needs';
export {
  CROSS_RECORD_CODES,
  crossRecordIssues,
  isCrossRecordIssue,
  holdsItsFiling,
  HOLDING_STATES,
  recordNumberIssue,
  relatedKeys,
  relatedOf,
  type CrossRecordTarget,
  type RelatedApplication,
  type RelatedKeys,
} from './cross-record';
export { maskName, relatedFilingsOf, type RelatedFiling, type RelatedFilings } from './related';
