/**
 * The subscribe-message templates a filer is asked about: one per role (progress, result, todo),
 * so a single consent sheet covers the next state change whatever it turns out to be. The ids are
 * the configured ones from @beian/core (≤ 3, WeChat's safe maximum per request).
 */
import { DEFAULT_TEMPLATES, TEMPLATE_ROLES } from '@beian/core';

export function subscribeTemplateIds(): string[] {
  return TEMPLATE_ROLES.map((role) => DEFAULT_TEMPLATES[role].templateId);
}
