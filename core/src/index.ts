/**
 * @beian/core — what a filing is and how it moves. Pure TypeScript: no wx, no wx-server-sdk, no
 * Node APIs, so the same rules run in the mini-program and in the cloud functions.
 */
export * from './model/form';
export * from './model/empty';
export * from './model/paths';
export * from './model/recognition';
export * from './model/tree';
export * from './model/application';
export * from './model/kinds';
export * from './model/stages';
export * from './result';
export * from './contract';
export * from './data';
export * from './rules';
export * from './workflow';
export * from './calendar';
export * from './notices';
