export * from './states';
export { eventsFrom, skipsSmsCheck, targetOf } from './moves';
export { checkApprovalNumber, checkRejectionReasons } from './payload';
export * from './deadlines';
export { filingTitle, noticesFor } from './notify';
export * from './records';
export * from './transition';
export * from './todo';
export * from './replay';
