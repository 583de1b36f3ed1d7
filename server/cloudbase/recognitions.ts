/**
 * RecognitionRecords on the `recognitions` collection: `_id` is the application and photo path, so
 * a new reading of the same photo replaces the old one with one `set`. The reading is stored as
 * JSON: its keys are form paths, and a dot in a field name is a nested path to the database.
 */
import type { Recognition } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { parseRecognition, type RecognitionRecords } from '../store/recognitions';
import { PAGE_LIMIT, type CloudDatabase } from './db';

export class CloudbaseRecognitions implements RecognitionRecords {
  constructor(private readonly db: CloudDatabase) {}

  async put(applicationId: string, recognition: Recognition): Promise<void> {
    await this.db
      .collection(COLLECTIONS.recognitions)
      .doc(`${applicationId}~${recognition.field}`)
      .set({
        data: {
          applicationId,
          field: recognition.field,
          at: recognition.at,
          doc: JSON.stringify(recognition),
        },
      });
  }

  async of(applicationId: string): Promise<Recognition[]> {
    // At most one per recognizable photo path (five), far under one read's page.
    const { data } = await this.db
      .collection(COLLECTIONS.recognitions)
      .where({ applicationId })
      .orderBy('at', 'asc')
      .orderBy('field', 'asc')
      .limit(PAGE_LIMIT)
      .get();
    return data.map((row) => parseRecognition(row.doc)).filter((row): row is Recognition => row !== null);
  }
}
