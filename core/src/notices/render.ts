/**
 * A notice rendered into the configured template: each value goes to its keyword, fitted to that
 * keyword type's rule, times in Beijing time. The result always passes `validateMessage`.
 */
import { fitText, fitTime, keywordTypeOf, type TextKeywordType } from './keywords';
import type { SubscribeMessage } from './message';
import type { Labelled, Notice } from './notice';
import type { TemplateConfig } from './templates';

/** What a value becomes when it fits nowhere (e.g. a mini-program without a name yet). */
const FALLBACKS: Record<string, string> = {
  filing: '小程序备案',
  stage: '备案审核',
  detail: '详见小程序',
  note: '详见小程序',
  task: '查看备案进度',
};

type Value = string | Labelled;

function renderValue(field: string, value: Value, keyword: string): string {
  const type = keywordTypeOf(keyword);
  if (type === 'time' || type === 'date')
    return fitTime(type, typeof value === 'string' ? value : value.text);
  // The template types only allow text types here; anything else is treated as `thing`.
  const textType: TextKeywordType =
    type === 'name' || type === 'phrase' || type === 'character_string' || type === 'number' ? type : 'thing';
  if (typeof value === 'string') return fitText(textType, value, FALLBACKS[field]);
  return textType === 'phrase'
    ? fitText('phrase', value.phrase, value.text)
    : fitText(textType, value.text, value.phrase);
}

export function renderMessage(notice: Notice, templates: TemplateConfig): SubscribeMessage {
  const spec = templates[notice.role];
  const values: Partial<Record<string, Value>> = notice.values;
  const data: SubscribeMessage['data'] = {};
  for (const [field, keyword] of Object.entries(spec.keywords)) {
    const value = values[field];
    if (typeof keyword !== 'string' || value === undefined) continue;
    data[keyword] = { value: renderValue(field, value, keyword) };
  }
  return { touser: notice.to, templateId: spec.templateId, page: notice.page, data };
}
