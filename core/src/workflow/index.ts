export * from './states';
export { EDITABLE_STATES, eventsFrom, isEditable, skipsSmsCheck, targetOf } from './moves';
export { approvalNumberIssue, checkApprovalNumber, checkRejectionReasons } from './payload';
export * from './deadlines';
export { filingTitle, noticesFor } from './notify';
export * from './records';
export * from './transition';
export * from './todo';
export * from './replay';
