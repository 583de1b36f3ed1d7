// Enumerations and reference data as data, and the FilingTables value the rules take
// (docs/wechat-platform.md § WeChat's tables). The model's field specs and form normalization
// are exported from here too (their modules live in ../model).
export * from './wechat-enums';
export * from './enums';
export * from './provinces';
export * from './regions';
export * from './tables';
export * from './lookup';
export * from './wechat-tables';
export * from '../model/fields';
export * from '../model/normalize';
