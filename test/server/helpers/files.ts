/**
 * Storage for back-end tests: temporary URLs for any id, and verdicts a test can steer. By default
 * a file is its path's owner's upload, as a well-behaved client leaves things; `forget` makes one
 * missing (never uploaded, deleted, another environment's) and `uploadedBy` says someone else
 * wrote it under that path, which storage rules on the real cloud cannot prevent.
 */
import { fileOwner } from '../../../server/app/files';
import type { FileContent, FileVerdict, Files } from '../../../server/ports';

export class FakeFiles implements Files {
  private readonly missing = new Set<string>();
  private readonly uploaders = new Map<string, string>();
  /** Every registration, in order. */
  readonly registered: { openid: string; fileId: string }[] = [];

  forget(fileId: string): void {
    this.missing.add(fileId);
  }

  uploadedBy(fileId: string, openid: string): void {
    this.uploaders.set(fileId, openid);
  }

  /** A few bytes of its own per file: what a send forwards can be told apart. */
  async content(fileId: string): Promise<FileContent | null> {
    if (this.missing.has(fileId)) return null;
    const filename = fileId.slice(fileId.lastIndexOf('/') + 1);
    const contentType = filename.endsWith('.mp4') ? 'video/mp4' : 'image/jpeg';
    return { bytes: new TextEncoder().encode(`bytes of ${fileId}`), contentType, filename };
  }

  async temporaryUrls(ids: readonly string[]): Promise<Record<string, string>> {
    return Object.fromEntries(ids.map((id) => [id, `https://tmp.example/${encodeURIComponent(id)}?sign=1`]));
  }

  async verify(openid: string, ids: readonly string[]): Promise<Record<string, FileVerdict>> {
    return Object.fromEntries(ids.map((id) => [id, this.verdict(openid, id)]));
  }

  async register(openid: string, fileId: string): Promise<FileVerdict> {
    this.registered.push({ openid, fileId });
    return this.verdict(openid, fileId);
  }

  async setup(): Promise<string[]> {
    return [];
  }

  private verdict(openid: string, fileId: string): FileVerdict {
    if (this.missing.has(fileId)) return 'missing';
    return (this.uploaders.get(fileId) ?? fileOwner(fileId)) === openid ? 'own' : 'foreign';
  }
}
