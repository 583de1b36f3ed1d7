/**
 * What the deployed functions read once at start: configuration, the database files, and the
 * functions' config.json (permissions and the timer trigger).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEMPLATES } from '@beian/core';
import { ConfigError, loadConfig } from '../../server/config';
import { COLLECTION_NAMES, UPLOADS_COLLECTION } from '../../server/store/collections';

const ROOT = join(__dirname, '..', '..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

describe('loadConfig', () => {
  it('uses the defaults and says what is still a placeholder', () => {
    const config = loadConfig({});
    expect(config.templates).toEqual(DEFAULT_TEMPLATES);
    expect(config.operatorKey).toBeNull();
    expect(config.warnings.join('\n')).toContain('BEIAN_TEMPLATES');
    expect(config.calendar.hasYear(2027)).toBe(false);
  });

  it('reads template ids and extra holiday years from the environment', () => {
    const config = loadConfig({
      BEIAN_OPERATOR_KEY: 'k-0123456789',
      BEIAN_TEMPLATES: JSON.stringify({
        progress: { templateId: 'tmpl-a' },
        result: { templateId: 'tmpl-b' },
        todo: { templateId: 'tmpl-c' },
      }),
      BEIAN_HOLIDAYS: JSON.stringify({ 2027: { holidays: ['2027-01-01'], workdays: [] } }),
    });
    expect(config.templates.progress.templateId).toBe('tmpl-a');
    expect(config.operatorKey).toBe('k-0123456789');
    expect(config.calendar.hasYear(2027)).toBe(true);
    expect(config.calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(config.warnings).toEqual([]);
  });

  it('refuses to start on malformed configuration, naming the variable and the problem', () => {
    expect(() => loadConfig({ BEIAN_TEMPLATES: '{not json' })).toThrow(ConfigError);
    expect(() => loadConfig({ BEIAN_TEMPLATES: '{"progres": {}}' })).toThrow(/BEIAN_TEMPLATES[\s\S]*progres/);
    expect(() => loadConfig({ BEIAN_HOLIDAYS: '{"2027": {"holidays": ["2027-13-01"]}}' })).toThrow(
      /BEIAN_HOLIDAYS/,
    );
  });
});

describe('database files', () => {
  it('lists exactly the collections the adapters use, each with a closed security rule', () => {
    const { collections } = json('database/collections.json') as { collections: { name: string }[] };
    // The uploads records exist on the cloud only: locally, storage keeps them itself.
    const names = [...COLLECTION_NAMES, UPLOADS_COLLECTION].sort();
    expect(collections.map((c) => c.name).sort()).toEqual(names);
    const rules = json('database/security-rules.json') as Record<string, unknown>;
    expect(Object.keys(rules).sort()).toEqual(names);
    for (const rule of Object.values(rules)) expect(rule).toEqual({ read: false, write: false });
  });

  it('lets a filer read only their own files in storage', () => {
    expect(json('database/storage-rules.json')).toEqual({
      read: 'resource.openid == auth.openid',
      write: 'resource.openid == auth.openid',
    });
  });
});

describe('cloud function config.json', () => {
  it('gives only the scheduler the subscribeMessage.send permission, only filing the two OCR calls, and a 7-field timer', () => {
    type Config = {
      permissions: { openapi: string[] };
      triggers?: { name: string; type: string; config: string }[];
    };
    const scheduler = json('cloudfunctions/scheduler/config.json') as Config;
    expect(scheduler.permissions.openapi).toEqual(['subscribeMessage.send']);
    expect(scheduler.triggers).toHaveLength(1);
    const [trigger] = scheduler.triggers ?? [];
    expect(trigger?.type).toBe('timer');
    expect(trigger?.name).toMatch(/^[a-zA-Z][a-zA-Z0-9_-]{0,59}$/);
    expect(trigger?.config.split(' ')).toHaveLength(7);
    const openapi = { filing: ['ocr.idcard', 'ocr.businessLicense'], admin: [] };
    for (const [name, permitted] of Object.entries(openapi)) {
      const config = json(`cloudfunctions/${name}/config.json`) as Config;
      expect(config.permissions.openapi).toEqual(permitted);
      expect(config.triggers).toBeUndefined();
    }
  });
});
