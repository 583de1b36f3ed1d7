/** RecognitionRecords on the `recognitions` table: one row per application and photo path. */
import type Database from 'better-sqlite3';
import type { Recognition } from '@beian/core';
import { parseRecognition, type RecognitionRecords } from '../store/recognitions';

export class SqliteRecognitions implements RecognitionRecords {
  constructor(private readonly db: Database.Database) {}

  async put(applicationId: string, recognition: Recognition): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO recognitions (application_id, field, at, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (application_id, field) DO UPDATE SET at = excluded.at, doc = excluded.doc`,
      )
      .run(applicationId, recognition.field, recognition.at, JSON.stringify(recognition));
  }

  async of(applicationId: string): Promise<Recognition[]> {
    const rows = this.db
      .prepare('SELECT doc FROM recognitions WHERE application_id = ? ORDER BY at, field')
      .all(applicationId) as { doc: string }[];
    return rows.map((row) => parseRecognition(row.doc)).filter((row): row is Recognition => row !== null);
  }
}
