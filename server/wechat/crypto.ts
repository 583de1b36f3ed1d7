/**
 * WeChat's message encryption (the scheme its WXBizMsgCrypt samples implement), for what the open
 * platform pushes to a third-party platform and for the emulated WeChat that pushes it locally.
 *
 * The SHA-1 signature over the sorted [token, timestamp, nonce, encrypt] is the only integrity
 * check: AES-CBC alone does not authenticate, so the signature is checked before anything is
 * decrypted, and a failure to decrypt after that is still reported, never guessed around.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The component (third-party platform) credentials the open platform encrypts with. */
export interface WeChatSecrets {
  readonly appid: string;
  readonly token: string;
  /** 43 base64 characters, set on the open platform; decodes (with a trailing "=") to 32 bytes. */
  readonly encodingAesKey: string;
}

export interface SignedCiphertext {
  readonly msgSignature: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

/** `signature`: not signed with our token; `decrypt`: signed but unreadable; `appid`: for another app. */
export type CryptoErrorKind = 'signature' | 'decrypt' | 'appid';

export type DecryptResult =
  { readonly ok: true; readonly message: string } | { readonly ok: false; readonly error: CryptoErrorKind };

// WeChat pads to 32 bytes (the key size), not to AES's 16-byte block, so node's PKCS#7 is off.
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Invalid UTF-8 in the message means the bytes were not what WeChat encrypted.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const joined = [token, timestamp, nonce, encrypt].sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/** The AES key, or undefined when the configured EncodingAESKey is not one (node's base64 is lax). */
function aesKey(encodingAesKey: string): Buffer | undefined {
  if (!AES_KEY.test(encodingAesKey)) return undefined;
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  return key.length === 32 ? key : undefined;
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase(), 'utf8');
  const right = Buffer.from(b.toLowerCase(), 'utf8');
  // Constant time, so a forger learns nothing from how fast a wrong signature is refused.
  return left.length === right.length && timingSafeEqual(left, right);
}

function unpad(padded: Buffer): Buffer | undefined {
  const pad = padded[padded.length - 1];
  if (pad === undefined || pad < 1 || pad > PAD_BLOCK || pad > padded.length) return undefined;
  for (let i = padded.length - pad; i < padded.length; i += 1) {
    if (padded[i] !== pad) return undefined;
  }
  return padded.subarray(0, padded.length - pad);
}

function aesDecrypt(key: Buffer, encrypt: string): Buffer | undefined {
  if (!BASE64.test(encrypt)) return undefined;
  const cipher = Buffer.from(encrypt, 'base64');
  if (cipher.length === 0 || cipher.length % 16 !== 0) return undefined;
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return unpad(Buffer.concat([decipher.update(cipher), decipher.final()]));
}

/** Checks the signature, decrypts, and checks the message was meant for `secrets.appid`. */
export function decryptMessage(secrets: WeChatSecrets, input: SignedCiphertext): DecryptResult {
  const expected = signature(secrets.token, input.timestamp, input.nonce, input.encrypt);
  if (!sameHex(expected, input.msgSignature)) return { ok: false, error: 'signature' };
  const key = aesKey(secrets.encodingAesKey);
  const plain = key && aesDecrypt(key, input.encrypt);
  if (!plain || plain.length < RANDOM_BYTES + LENGTH_BYTES) return { ok: false, error: 'decrypt' };
  const length = plain.readUInt32BE(RANDOM_BYTES);
  const start = RANDOM_BYTES + LENGTH_BYTES;
  if (start + length > plain.length) return { ok: false, error: 'decrypt' };
  let message: string;
  try {
    message = utf8.decode(plain.subarray(start, start + length));
  } catch {
    return { ok: false, error: 'decrypt' };
  }
  const appid = plain.subarray(start + length).toString('utf8');
  return appid === secrets.appid ? { ok: true, message } : { ok: false, error: 'appid' };
}

export interface EncryptOptions {
  readonly timestamp: string;
  readonly nonce: string;
  /** The 16 leading random bytes; fixed only to reproduce a published sample. */
  readonly random16?: Uint8Array;
}

/**
 * Encrypts and signs as WeChat does. Throws on a malformed EncodingAESKey or a `random16` that is
 * not 16 bytes: the callers (the emulator, tests) hold their own configuration, and a silent
 * fallback would make their pushes undecryptable in a way that is hard to trace.
 */
export function encryptMessage(
  secrets: WeChatSecrets,
  message: string,
  options: EncryptOptions,
): { encrypt: string; msgSignature: string } {
  const key = aesKey(secrets.encodingAesKey);
  if (!key) throw new RangeError('EncodingAESKey must be 43 base64 characters');
  const random = Buffer.from(options.random16 ?? randomBytes(RANDOM_BYTES));
  if (random.length !== RANDOM_BYTES) throw new RangeError('random16 must be 16 bytes');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length);
  const unpadded = Buffer.concat([random, length, body, Buffer.from(secrets.appid, 'utf8')]);
  const pad = PAD_BLOCK - (unpadded.length % PAD_BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const padded = Buffer.concat([unpadded, Buffer.alloc(pad, pad)]);
  const encrypt = Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  return { encrypt, msgSignature: signature(secrets.token, options.timestamp, options.nonce, encrypt) };
}
