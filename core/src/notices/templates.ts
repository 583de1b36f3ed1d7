/**
 * Which subscribe-message templates Beian sends, and which keyword carries each value. Template ids
 * and keyword names are configuration: each mini-program picks its own templates from WeChat's
 * library (订阅消息 → 公共模板库), so DEFAULT_TEMPLATES only shows the shape, with placeholder ids
 * to replace, and `parseTemplateConfig` reads the deployment's own (BEIAN_TEMPLATES).
 */
import { readConfig } from '../config-object';
import type { Failure, Issue } from '../result';
import { keywordTypeOf, type KeywordType } from './keywords';
import type { TemplateRole } from './message';
import type { NoticeOfRole } from './notice';

/** For each role and value, the keyword types that can carry it. */
export const KEYWORD_CHOICES = {
  progress: {
    filing: ['thing', 'name'],
    state: ['phrase', 'thing'],
    time: ['time', 'date'],
    note: ['thing'],
  },
  result: {
    filing: ['thing', 'name'],
    stage: ['thing', 'phrase'],
    result: ['phrase', 'thing'],
    detail: ['thing'],
    time: ['time', 'date'],
  },
  todo: {
    filing: ['thing', 'name'],
    task: ['thing'],
    deadline: ['time', 'date'],
    note: ['thing'],
  },
} as const satisfies {
  [R in TemplateRole]: { [F in keyof NoticeOfRole<R>['values']]: readonly KeywordType[] };
};

type Choices = typeof KEYWORD_CHOICES;

/** Value → keyword name (`thing1`); a value left out is not shown by that template. */
export type KeywordsOf<R extends TemplateRole> = {
  [F in keyof Choices[R]]?: Choices[R][F] extends readonly (infer T extends string)[]
    ? `${T}${number}`
    : never;
};

export interface TemplateSpec<R extends TemplateRole> {
  /** 模板 ID from the mini-program's 订阅消息 → 我的模板. */
  templateId: string;
  /** The template's title in WeChat's library, so whoever configures it can find it. */
  title: string;
  keywords: KeywordsOf<R>;
}

export type TemplateConfig = { [R in TemplateRole]: TemplateSpec<R> };

export const TEMPLATE_ROLES: readonly TemplateRole[] = ['progress', 'result', 'todo'];

/** Marks a template id that was never configured; the server should warn while one is in use. */
export const PLACEHOLDER_TEMPLATE_PREFIX = 'REPLACE-ME-';

export const DEFAULT_TEMPLATES: TemplateConfig = {
  progress: {
    templateId: `${PLACEHOLDER_TEMPLATE_PREFIX}progress`,
    title: '备案进度通知',
    keywords: { filing: 'thing1', state: 'phrase2', time: 'time3', note: 'thing4' },
  },
  result: {
    templateId: `${PLACEHOLDER_TEMPLATE_PREFIX}result`,
    title: '审核结果通知',
    keywords: { filing: 'thing1', stage: 'thing2', result: 'phrase3', detail: 'thing4', time: 'time5' },
  },
  todo: {
    templateId: `${PLACEHOLDER_TEMPLATE_PREFIX}todo`,
    title: '待办事项提醒',
    keywords: { task: 'thing1', deadline: 'time2', filing: 'thing3', note: 'thing4' },
  },
};

/** The roles whose template id is still a placeholder. */
export function placeholderRoles(templates: TemplateConfig): TemplateRole[] {
  return TEMPLATE_ROLES.filter((role) => templates[role].templateId.startsWith(PLACEHOLDER_TEMPLATE_PREFIX));
}

export type ParsedTemplateConfig = { ok: true; templates: TemplateConfig } | { ok: false; error: Failure };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseKeywords(role: TemplateRole, value: unknown, issues: Issue[]): Record<string, string> | null {
  const path = `${role}.keywords`;
  if (!isObject(value) || Object.keys(value).length === 0) {
    issues.push({ path, code: 'required', message: '请为模板的关键词指定内容，例如 { "filing": "thing1" }' });
    return null;
  }
  const choices: Record<string, readonly KeywordType[]> = KEYWORD_CHOICES[role];
  const seen = new Set<string>();
  const keywords: Record<string, string> = {};
  for (const [field, name] of Object.entries(value)) {
    const allowed = choices[field];
    const type = typeof name === 'string' ? keywordTypeOf(name) : null;
    if (!allowed) {
      const known = Object.keys(choices).join('、');
      issues.push({
        path: `${path}.${field}`,
        code: 'unknown_field',
        message: `未知的内容「${field}」，可用：${known}`,
      });
    } else if (typeof name !== 'string' || type === null || !allowed.includes(type)) {
      const examples = allowed.map((t) => `${t}1`).join(' 或 ');
      issues.push({
        path: `${path}.${field}`,
        code: 'bad_keyword',
        message: `应为 ${examples} 这样的关键词名`,
      });
    } else if (seen.has(name)) {
      issues.push({ path: `${path}.${field}`, code: 'duplicate', message: `关键词 ${name} 已用于其他内容` });
    } else {
      seen.add(name);
      keywords[field] = name;
    }
  }
  return keywords;
}

function parseSpec(role: TemplateRole, value: unknown, issues: Issue[]): TemplateSpec<TemplateRole> | null {
  if (!isObject(value)) {
    issues.push({ path: role, code: 'not_an_object', message: '应为 { "templateId", "title", "keywords" }' });
    return null;
  }
  const base = DEFAULT_TEMPLATES[role];
  const { templateId = base.templateId, title = base.title } = value;
  if (typeof templateId !== 'string' || templateId.trim() === '' || templateId.length > 128) {
    issues.push({ path: `${role}.templateId`, code: 'invalid', message: '请填写订阅消息模板 ID' });
  }
  if (typeof title !== 'string')
    issues.push({ path: `${role}.title`, code: 'invalid', message: '标题应为文字' });
  // A different template has different keywords: a given mapping replaces the default one whole.
  const keywords = value.keywords === undefined ? base.keywords : parseKeywords(role, value.keywords, issues);
  if (typeof templateId !== 'string' || typeof title !== 'string' || keywords === null) return null;
  return { templateId: templateId.trim(), title, keywords };
}

const TEMPLATE_MESSAGES = {
  notJson: '订阅消息模板配置不是合法的 JSON。',
  notObject: '订阅消息模板配置应为按用途（progress、result、todo）分组的对象。',
  wrong: '订阅消息模板配置有误，请按提示修正。',
};

/**
 * Reads a template configuration (an object or its JSON text) over DEFAULT_TEMPLATES: roles left
 * out keep their default, and within a role `templateId`, `title` and `keywords` may each be given.
 */
export function parseTemplateConfig(json: unknown): ParsedTemplateConfig {
  const templates: Record<string, TemplateSpec<TemplateRole>> = { ...DEFAULT_TEMPLATES };
  const read = readConfig(json, TEMPLATE_MESSAGES, (role, spec, issues) => {
    const known = TEMPLATE_ROLES.find((r) => r === role);
    if (!known) {
      issues.push({
        path: role,
        code: 'unknown_role',
        message: `未知的模板用途「${role}」，可用：progress、result、todo`,
      });
      return;
    }
    const parsed = parseSpec(known, spec, issues);
    if (parsed) templates[known] = parsed;
  });
  // Every role is present (defaults filled in) and each spec was checked against its role above.
  return read.ok ? { ok: true, templates: templates as TemplateConfig } : read;
}
