/**
 * The emulated third-party platform's own credentials, as the open platform's console shows them to
 * a platform's owner: its appid and appsecret, and the message token and EncodingAESKey that sign
 * and encrypt every push. Made once per data folder and kept in it, owner-only like the operator
 * key, so Beian's configuration stays valid across restarts and `--reset`.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../json-file';

export interface PlatformSecrets {
  /** 第三方平台 appid (component_appid). */
  componentAppid: string;
  componentAppsecret: string;
  /** 消息校验 Token: signs every push (msg_signature). */
  token: string;
  /** 消息加解密 Key: 43 characters, base64 of 32 bytes without the trailing `=`. */
  encodingAesKey: string;
}

const secretsSchema = z.object({
  componentAppid: z.string().regex(/^wx[0-9a-f]{16}$/),
  componentAppsecret: z.string().min(16),
  token: z.string().min(3).max(32),
  encodingAesKey: z.string().regex(/^[A-Za-z0-9+/]{43}$/),
});

export function loadOrCreatePlatformSecrets(file: string): PlatformSecrets {
  const kept = readJsonFile(file, secretsSchema);
  if (kept) return kept;
  const secrets: PlatformSecrets = {
    componentAppid: `wx${randomBytes(8).toString('hex')}`,
    componentAppsecret: randomBytes(16).toString('hex'),
    token: randomBytes(8).toString('hex'),
    encodingAesKey: aesKey(),
  };
  writeJsonFile(file, secrets);
  return secrets;
}

/** WeChat's keys decode, with one `=` added, to 32 bytes; a key with `+` or `/` must stay valid. */
function aesKey(): string {
  return randomBytes(32).toString('base64').slice(0, 43);
}

/** What a log may show of a secret. */
export const MASKED = '******';
