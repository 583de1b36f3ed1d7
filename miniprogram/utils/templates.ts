/**
 * The subscribe-message templates a filer is asked about: one per role (progress, result, todo),
 * so a single consent sheet covers the next state change whatever it turns out to be. The ids are
 * the server's (from `session.get`, which pages warm on load); before the session has arrived,
 * the defaults from @beian/core (≤ 3, WeChat's safe maximum per request).
 */
import { DEFAULT_TEMPLATES, TEMPLATE_ROLES } from '@beian/core';
import { knownSession } from '../services/session';

export function subscribeTemplateIds(): string[] {
  const configured = knownSession()?.templateIds;
  if (configured && configured.length > 0) return configured.slice(0, 3);
  return TEMPLATE_ROLES.map((role) => DEFAULT_TEMPLATES[role].templateId);
}
