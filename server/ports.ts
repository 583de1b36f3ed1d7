/**
 * The ports the application layer needs. Two adapter sets implement them: `cloudbase/`
 * (wx-server-sdk) for the deployed functions and `sqlite/` (better-sqlite3) for the local cloud.
 */
import type { SubscribeMessage } from '@beian/core';

/** Where "now" comes from, so the local cloud can run a manual clock. */
export interface Clock {
  now(): Date;
}

/** The outcome of one subscribe-message send, in WeChat's terms. */
export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

/** Sends subscribe messages (`subscribeMessage.send`). Never throws: errors come back as errCode. */
export interface Messenger {
  send(message: SubscribeMessage): Promise<SendResult>;
}

/**
 * What storage knows of a file a filer references: it exists and they uploaded it (`own`), it does
 * not exist or was never uploaded through Beian (`missing`), or someone else uploaded it (`foreign`).
 */
export type FileVerdict = 'own' | 'missing' | 'foreign';

/** A stored file's bytes, for sending it on (WeChat's `upload_icp_media`). */
export interface FileContent {
  bytes: Uint8Array;
  contentType: string;
  /** The last segment of its cloud path. */
  filename: string;
}

/** Cloud storage, as far as the back end uses it. */
export interface Files {
  /** The file's bytes; null when it does not exist. */
  content(fileId: string): Promise<FileContent | null>;
  /** Short-lived URLs for the given file ids; ids that do not exist are left out. */
  temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>>;
  /**
   * The verdict on each file id for the filer `openid`, from what storage recorded at upload —
   * never from the path alone, which on the real cloud anyone may write under.
   */
  verify(openid: string, fileIds: readonly string[]): Promise<Record<string, FileVerdict>>;
  /** Records that `openid` uploaded `fileId` (the client registers each upload); its verdict after. */
  register(openid: string, fileId: string): Promise<FileVerdict>;
  /** Creates what the records need (the cloud's `uploads` collection); the names created. */
  setup(): Promise<string[]>;
}

/** One line per call; never personal data (ID numbers, phone numbers, form contents). */
export interface Logger {
  info(line: string): void;
  error(line: string, error?: unknown): void;
}

/** Which of WeChat's OCR calls reads a photo: `ocr.idcard` (either side) or `ocr.businessLicense`. */
export type CertificateKind = 'idcard' | 'licence';

/**
 * WeChat's answer to one OCR call: its fields as it sent them (camelCase from a cloud call,
 * snake_case over HTTPS or from the local engine), or its errcode.
 */
export type OcrAnswer =
  { ok: true; fields: Record<string, unknown> } | { ok: false; errCode: number; errMsg: string };

/**
 * Reads certificate photos: WeChat's OCR from the function (cloud.openapi.ocr.*), or the local
 * cloud's tesseract engine. Never throws: failures come back as WeChat's errcode.
 */
export interface CertificateReader {
  read(kind: CertificateKind, image: FileContent): Promise<OcrAnswer>;
}
