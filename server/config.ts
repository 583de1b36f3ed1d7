/**
 * Configuration from environment variables, read once when a function instance starts:
 * - BEIAN_OPERATOR_KEY: the key operator calls (console, HTTP API, scripts) must carry;
 * - BEIAN_TEMPLATES: subscribe-message templates as JSON over DEFAULT_TEMPLATES (parseTemplateConfig);
 * - BEIAN_HOLIDAYS: extra holiday years as JSON (parseHolidayData).
 * A malformed value stops the instance with every problem listed: sending messages to the wrong
 * template or counting the wrong working days is worse than not starting.
 */
import {
  createCalendar,
  parseHolidayData,
  parseTemplateConfig,
  placeholderRoles,
  DEFAULT_TEMPLATES,
  type Calendar,
  type Failure,
  type TemplateConfig,
} from '@beian/core';

export interface Config {
  operatorKey: string | null;
  templates: TemplateConfig;
  calendar: Calendar;
  /** Things to say once at start (e.g. placeholder template ids still in use). */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(variable: string, failure: Failure) {
    const details = (failure.fields ?? []).map((f) => `  ${f.path}: ${f.message}`).join('\n');
    super(`${variable} 配置有误：${failure.message}${details ? `\n${details}` : ''}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  let templates = DEFAULT_TEMPLATES;
  if (env.BEIAN_TEMPLATES?.trim()) {
    const parsed = parseTemplateConfig(env.BEIAN_TEMPLATES);
    if (!parsed.ok) throw new ConfigError('BEIAN_TEMPLATES', parsed.error);
    templates = parsed.templates;
  }
  let calendar = createCalendar();
  if (env.BEIAN_HOLIDAYS?.trim()) {
    const parsed = parseHolidayData(env.BEIAN_HOLIDAYS);
    if (!parsed.ok) throw new ConfigError('BEIAN_HOLIDAYS', parsed.error);
    calendar = createCalendar(parsed.data);
  }
  const warnings: string[] = [];
  const placeholders = placeholderRoles(templates);
  if (placeholders.length > 0) {
    warnings.push(`订阅消息模板 ID 仍是占位值（${placeholders.join('、')}），请在 BEIAN_TEMPLATES 中配置。`);
  }
  if (!env.BEIAN_OPERATOR_KEY) warnings.push('未设置 BEIAN_OPERATOR_KEY：操作员调用（控制台、脚本）已停用。');
  return { operatorKey: env.BEIAN_OPERATOR_KEY || null, templates, calendar, warnings };
}
