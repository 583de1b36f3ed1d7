/**
 * What the filer reads: who they are, one application with its progress, their list, their
 * subscription credits, and short-lived URLs for their own files.
 */
import { MAX_CREDITS_PER_TEMPLATE } from '../app/quotas';
import { etaOf, TEMPLATE_ROLES, todoOf, type Issue } from '@beian/core';
import { isOwnFile } from '../app/files';
import { loadOwned } from '../app/load';
import { filerView, summaryOf } from '../app/views';
import { refuse } from '../errors';
import { listKey } from '../store/keys';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';
import { afterKey, DEFAULT_PAGE, pageOf } from './paging';

export const getSession: FilingAction<'session.get'> = {
  params: filingParams['session.get'],
  async run(_params, { who, deps }) {
    const admin = await deps.store.getAdmin(who.openid);
    const templateIds = TEMPLATE_ROLES.map((role) => deps.templates[role].templateId);
    return { openid: who.openid, role: admin ? 'admin' : 'filer', name: admin?.name ?? null, templateIds };
  },
};

export const getFiling: FilingAction<'filing.get'> = {
  params: filingParams['filing.get'],
  async run({ id }, { who, deps }) {
    const application = await loadOwned(deps, id, who.openid);
    const now = deps.clock.now();
    return {
      filing: filerView(application),
      timeline: application.timeline,
      eta: etaOf(application, now, deps.calendar),
      todo: todoOf(application, now, deps.calendar),
      recognitions: await deps.store.recognitions.of(id),
    };
  },
};

export const listFilings: FilingAction<'filing.list'> = {
  params: filingParams['filing.list'],
  async run({ cursor, limit = DEFAULT_PAGE }, { who, deps }) {
    const found = await deps.store.listByOwner(who.openid, afterKey(cursor), limit + 1);
    const now = deps.clock.now();
    return pageOf(found, limit, (application) => summaryOf(application, now), listKey);
  },
};

export const recordSubscription: FilingAction<'subscription.record'> = {
  params: filingParams['subscription.record'],
  async run({ results }, { who, deps }) {
    const ours = TEMPLATE_ROLES.map((role) => deps.templates[role].templateId);
    // Each 'accept' is one send WeChat will allow; answers for templates we do not use are ignored.
    const accepted = Object.entries(results)
      .filter(([templateId, answer]) => answer === 'accept' && ours.includes(templateId))
      .map(([templateId]) => templateId);
    if (accepted.length > 0) await deps.store.addCredits(who.openid, accepted, MAX_CREDITS_PER_TEMPLATE);
    const held = await deps.store.creditsOf(who.openid);
    return { credits: Object.fromEntries(ours.map((templateId) => [templateId, held[templateId] ?? 0])) };
  },
};

export const mediaUrls: FilingAction<'media.url'> = {
  params: filingParams['media.url'],
  async run({ fileIds }, { who, deps }) {
    const foreign: Issue[] = fileIds
      .map((fileId, index) => ({ fileId, index }))
      .filter(({ fileId }) => !isOwnFile(fileId, who.openid))
      .slice(0, 20)
      .map(({ index }) => ({
        path: `fileIds.${index}`,
        code: 'file.not_own',
        message: '只能查看你自己上传的文件。',
      }));
    if (foreign.length > 0) throw refuse.validation('只能查看你自己上传的文件。', foreign);
    return { urls: await deps.files.temporaryUrls([...new Set(fileIds)]) };
  },
};
