/**
 * A filer's client asks for WeChat's tables (the pickers' options and the client-side checks). It
 * sends the version it holds, so the answer is the whole tables only when they changed.
 */
import { currentTables } from '../app/tables';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';

export const getTables: FilingAction<'tables.get'> = {
  params: filingParams['tables.get'],
  async run({ version }, { deps }) {
    const tables = await currentTables(deps);
    return { version: tables.version, tables: version === tables.version ? null : tables };
  },
};
