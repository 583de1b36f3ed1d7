/**
 * The filer's drafts: start one (new, or a change/cancellation of a filed record), save it as they
 * type, and check it against every rule before submitting.
 */
import {
  beijingDate,
  check,
  isEditable,
  materialsChecklist,
  normalizeForm,
  startApplication,
  STATE_INFO,
  type Issue,
} from '@beian/core';
import { crossRecordFindings } from '../app/cross-record';
import { formFileIds, unownedFiles } from '../app/files';
import { newId } from '../app/ids';
import { loadOwned } from '../app/load';
import { baseBusy } from '../app/move';
import { draftCapRefusal, MAX_OPEN_DRAFTS } from '../app/quotas';
import { currentTables } from '../app/tables';
import { filerView } from '../app/views';
import { Refusal, refuse } from '../errors';
import { plainWrite } from '../store/types';
import { formSchema } from '../schemas/form';
import { issuesOf } from '../schemas/issues';
import { filingParams } from '../schemas/params';
import { applyPatch } from '../schemas/patch';
import { channelFor } from '../channel/decide';
import type { FilingAction } from './callers';

const invalidForm = (issues: Issue[]) =>
  refuse.validation(`表单有 ${issues.length} 处内容无法保存，请按提示修改。`, issues);

export const createDraft: FilingAction<'draft.create'> = {
  params: filingParams['draft.create'],
  async run({ kind, cancelScope, baseId }, { who, deps }) {
    const now = deps.clock.now();
    const base = baseId === undefined ? null : await deps.store.getApplication(baseId);
    if (baseId !== undefined && (!base || base.owner !== who.openid)) {
      throw refuse.notFound('找不到这条备案记录，请返回列表刷新后重试。');
    }
    const started = startApplication({
      id: newId(now),
      owner: who.openid,
      kind,
      cancelScope: cancelScope ?? null,
      base,
      now,
    });
    if (!started.ok) throw new Refusal(started.error.code, started.error.message, started.error.fields);
    if (base) {
      // Refused again, atomically, on submission; saying so now spares filling in a form in vain.
      const holder = await deps.store.lockHolder(base.id);
      if (holder) throw await baseBusy(deps, holder);
    }
    // The cap is counted with the insert, not before it: parallel creations cannot share a count.
    if (!(await deps.store.insertDraft(started.application, MAX_OPEN_DRAFTS))) throw draftCapRefusal();
    return { filing: filerView(started.application) };
  },
};

export const saveDraft: FilingAction<'draft.save'> = {
  params: filingParams['draft.save'],
  async run({ id, version, form, patch }, { who, deps }) {
    if ((form === undefined) === (patch === undefined)) {
      throw refuse.badRequest('请提供 form（整张表单）或 patch（按路径的修改）之一。');
    }
    const application = await loadOwned(deps, id, who.openid);
    if (!isEditable(application.state)) {
      throw refuse.invalidState(`申请${STATE_INFO[application.state].label}，现在不能修改。`);
    }
    if (application.version !== version) throw refuse.conflict();
    let candidate: unknown = form;
    if (patch !== undefined) {
      const patched = applyPatch(application.form, patch);
      if (!patched.ok) throw invalidForm(patched.issues);
      candidate = patched.form;
    }
    const parsed = formSchema.safeParse(candidate, { reportInput: true });
    if (!parsed.success) throw invalidForm(issuesOf(parsed.error, ''));
    // Only the files this save brings in: the rest passed when they came, and submit checks all.
    const trusted = new Set(formFileIds(application.form));
    const unowned = await unownedFiles(deps.files, parsed.data, who.openid, trusted);
    if (unowned.length > 0) throw invalidForm(unowned);
    const now = deps.clock.now().toISOString();
    const saved = {
      ...application,
      form: normalizeForm(parsed.data),
      version: application.version + 1,
      updatedAt: now,
    };
    const written = await deps.store.commit(plainWrite(saved, application.version));
    if (!written.ok) throw refuse.conflict();
    return { filing: filerView(saved) };
  },
};

export const checkFiling: FilingAction<'filing.check'> = {
  params: filingParams['filing.check'],
  async run({ id }, { who, deps }) {
    const application = await loadOwned(deps, id, who.openid);
    const { kind, cancelScope, form } = application;
    const target = { kind, cancelScope, form };
    // What the submit will check: the channel it would take now (the face step differs).
    const channel = (await channelFor(deps, target)).kind;
    const today = beijingDate(deps.clock.now());
    const [tables, across, recognitions] = await Promise.all([
      currentTables(deps),
      crossRecordFindings(deps, application),
      deps.store.recognitions.of(id),
    ]);
    const result = check(target, { today, tables, channel, recognitions });
    // Refused at submit; shown now as warnings, so the filer learns of them while filling in.
    const warnings = [...result.warnings, ...across.issues];
    return { ...result, warnings, materials: materialsChecklist(target, channel) };
  },
};
