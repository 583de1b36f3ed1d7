/**
 * One of several processes writing to one sqlite file (test/server/sqlite-processes.test.ts):
 * `tsx sqlite-writer.ts <file> <rounds> <id>…` reads each application and writes its next
 * version, over and over, and prints how each commit ended: written, refused as a conflict (the
 * other process got there first: expected), or thrown (what the caller would see as INTERNAL).
 */
import { openSqliteStore } from '../../../server/sqlite';
import { plainWrite } from '../../../server/store/types';

async function main(): Promise<void> {
  const [file = '', rounds = '0', ...ids] = process.argv.slice(2);
  const store = openSqliteStore(file);
  const outcome = { written: 0, conflicts: 0, thrown: [] as string[] };
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const id of ids) {
      try {
        const current = await store.getApplication(id);
        if (!current) throw new Error(`no application ${id}`);
        const next = { ...current, version: current.version + 1, updatedAt: new Date().toISOString() };
        const result = await store.commit(plainWrite(next, current.version));
        if (result.ok) outcome.written += 1;
        else outcome.conflicts += 1;
      } catch (error) {
        outcome.thrown.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify(outcome));
}

void main();
