import type { Application } from '@beian/core';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';

/** The filer's own application; anyone else's answers exactly like a missing one (no probing). */
export async function loadOwned(deps: ServerDeps, id: string, openid: string): Promise<Application> {
  const application = await deps.store.getApplication(id);
  if (!application || application.owner !== openid) throw refuse.notFound();
  return application;
}

export async function loadAny(deps: ServerDeps, id: string): Promise<Application> {
  const application = await deps.store.getApplication(id);
  if (!application) throw refuse.notFound();
  return application;
}

/**
 * A submitted application, for reviewers: a draft is the filer's unsent work, and answers exactly
 * like a missing one, so a reviewer can neither read a draft nor learn that it exists.
 */
export async function loadSubmitted(deps: ServerDeps, id: string): Promise<Application> {
  const application = await loadAny(deps, id);
  if (application.state === 'draft') throw refuse.notFound();
  return application;
}
