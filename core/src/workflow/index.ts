export * from './states';
export {
  EDITABLE_STATES,
  eventsFrom,
  FOLLOWED_STATES,
  isEditable,
  skipsSmsCheck,
  targetOf,
  usualPath,
} from './moves';
export { approvalNumberIssue, checkApprovalNumber, checkRejectionReasons } from './payload';
export * from './deadlines';
export { filingTitle, noticesFor } from './notify';
export * from './records';
export * from './transition';
export * from './todo';
export * from './replay';
export * from './wechat-sync';
export * from './channel';
