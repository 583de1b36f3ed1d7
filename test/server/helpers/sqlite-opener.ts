/**
 * One of two processes opening the same sqlite files at once (test/server/sqlite-processes.test.ts):
 * `tsx sqlite-opener.ts <start at, ms epoch> <file>…` waits for the common start, opens each file
 * (which migrates it), and prints, per file, the tables this process created or the error it got.
 */
import { openSqliteStore } from '../../../server/sqlite';

type Opened = { created: string[] } | { thrown: string };

async function main(): Promise<void> {
  const [startAt = '0', ...files] = process.argv.slice(2);
  // Booting tsx takes a while and not the same while in each process: start together.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const outcomes: Opened[] = [];
  for (const file of files) {
    try {
      const store = openSqliteStore(file);
      outcomes.push({ created: await store.setup() });
      await store.close();
    } catch (error) {
      outcomes.push({ thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  process.stdout.write(JSON.stringify(outcomes));
}

void main();
