/** Template configuration: the defaults, and the deployment's overrides (BEIAN_TEMPLATES). */
import { DEFAULT_TEMPLATES, parseTemplateConfig, placeholderRoles } from '@beian/core';

describe('DEFAULT_TEMPLATES', () => {
  it('has clearly marked placeholder ids for all three roles', () => {
    expect(placeholderRoles(DEFAULT_TEMPLATES)).toEqual(['progress', 'result', 'todo']);
    expect(DEFAULT_TEMPLATES.progress.templateId).toMatch(/^REPLACE-ME-/);
  });

  it('is what parsing an empty configuration gives', () => {
    expect(parseTemplateConfig({})).toEqual({ ok: true, templates: DEFAULT_TEMPLATES });
  });
});

describe('parseTemplateConfig', () => {
  it('overrides ids and keywords per role, from JSON text, keeping the rest', () => {
    const json = JSON.stringify({
      progress: { templateId: 'AbC-progress-123' },
      result: { templateId: 'result-9', keywords: { result: 'thing7', detail: 'thing8', time: 'date9' } },
    });
    const parsed = parseTemplateConfig(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.templates.progress).toEqual({
      ...DEFAULT_TEMPLATES.progress,
      templateId: 'AbC-progress-123',
    });
    expect(parsed.templates.result.keywords).toEqual({ result: 'thing7', detail: 'thing8', time: 'date9' });
    expect(parsed.templates.todo).toEqual(DEFAULT_TEMPLATES.todo);
    expect(placeholderRoles(parsed.templates)).toEqual(['todo']);
  });

  it.each([
    ['not JSON', '{progress', undefined],
    ['an unknown role', { reminder: { templateId: 'x' } }, 'reminder'],
    ['an empty template id', { todo: { templateId: ' ' } }, 'todo.templateId'],
    ['an unknown value', { todo: { keywords: { amount: 'amount1' } } }, 'todo.keywords.amount'],
    ['a time in a phrase', { progress: { keywords: { time: 'phrase3' } } }, 'progress.keywords.time'],
    ['a state in a time keyword', { progress: { keywords: { state: 'time1' } } }, 'progress.keywords.state'],
    ['a malformed keyword name', { progress: { keywords: { note: 'thing' } } }, 'progress.keywords.note'],
    [
      'one keyword for two values',
      { progress: { keywords: { note: 'thing1', filing: 'thing1' } } },
      'progress.keywords.filing',
    ],
    ['no keywords at all', { result: { keywords: {} } }, 'result.keywords'],
  ])('refuses %s', (_what, input, path) => {
    const parsed = parseTemplateConfig(input);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!parsed.ok && path) expect(parsed.error.fields?.map((field) => field.path)).toContain(path);
  });
});
