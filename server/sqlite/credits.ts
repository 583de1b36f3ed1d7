/**
 * The subscription credits on sqlite. A credit is taken with `count > 0` in the same statement,
 * so two dispatchers running at once cannot spend one credit twice.
 */
import type Database from 'better-sqlite3';
import type { Credits } from '../store/types';
import type { Row } from './rows';

export function sqliteCredits(db: Database.Database): Credits {
  const add = (owner: string, templateIds: readonly string[], max: number): void => {
    const upsert = db.prepare(
      `INSERT INTO credits (owner, template_id, count) VALUES (?, ?, min(1, ?))
       ON CONFLICT (owner, template_id) DO UPDATE SET count = min(count + 1, ?)`,
    );
    db.transaction(() => {
      for (const templateId of templateIds) upsert.run(owner, templateId, max, max);
    }).immediate();
  };

  return {
    async addCredits(owner, templateIds, max) {
      add(owner, templateIds, max);
    },

    async takeCredit(owner, templateId) {
      const { changes } = db
        .prepare('UPDATE credits SET count = count - 1 WHERE owner = ? AND template_id = ? AND count > 0')
        .run(owner, templateId);
      return changes === 1;
    },

    async returnCredit(owner, templateId, max) {
      add(owner, [templateId], max);
    },

    async clearCredit(owner, templateId) {
      db.prepare('UPDATE credits SET count = 0 WHERE owner = ? AND template_id = ?').run(owner, templateId);
    },

    async creditsOf(owner) {
      const rows = db
        .prepare('SELECT template_id, count FROM credits WHERE owner = ? ORDER BY template_id')
        .all(owner) as Row[];
      return Object.fromEntries(rows.map((row) => [String(row.template_id), Number(row.count)]));
    },
  };
}
