export * from './message';
export * from './notice';
export {
  KEYWORD_TYPES,
  fitText,
  fitTime,
  keywordTypeOf,
  type KeywordType,
  type TextKeywordType,
  type TimeKeywordType,
} from './keywords';
export * from './templates';
export * from './render';
export * from './validate';
