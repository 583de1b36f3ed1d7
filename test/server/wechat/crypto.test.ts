/**
 * WeChat's message encryption, checked against the samples Tencent publishes with it, not only
 * against our own encryptor: a round trip alone would pass with a scheme WeChat cannot read.
 */
import { createCipheriv } from 'node:crypto';
import { decryptMessage, encryptMessage, signature, type WeChatSecrets } from '../../../server/wechat/crypto';

/*
 * The "pamtest" sample of Tencent's Java WXBizMsgCrypt demo (WXBizMsgCryptTest: testAesEncrypt and
 * testAesEncrypt2, with the random prefix fixed to "aaaabbbbccccdddd"), in the sample code linked
 * from WeChat's 消息加解密 pages (developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/
 * Before_Develop/Message_encryption_and_decryption). Read from the copy in binarywang/WxJava,
 * weixin-java-common/src/test/java/me/chanjar/weixin/common/util/crypto/WxCryptUtilTest.java
 * (commit 3e48dc7f). That sample publishes ciphertexts but no msg_signature for them.
 */
const PAMTEST: WeChatSecrets = {
  token: 'pamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appid: 'wxb11529c136998cb6',
};
const PAM = { timestamp: '1409304348', nonce: 'xxxxxx', random16: Buffer.from('aaaabbbbccccdddd') };
const PAM_TEXT = '我是中文abcd123';
const PAM_TEXT_CIPHER =
  'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';
const PAM_XML =
  '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>';
const PAM_XML_CIPHER =
  'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb';

/*
 * A push as WeChat sent it, with its msg_signature: Tencent's Python demo (Sample.py by jonyqin,
 * 2014, in the same sample code), same EncodingAESKey, token "spamtest". Read from the public copy
 * in charlesXu86/Chatbot_CN, Chatbot_Web/impl/weixin/Sample.py (commit 7e1cd5c2). The expected
 * plaintext keeps the newlines WeChat put in it.
 */
const SPAMTEST: WeChatSecrets = { ...PAMTEST, token: 'spamtest', appid: 'wx2c2769f8efd9abc2' };
const PUSH = {
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  timestamp: '1409735669',
  nonce: '1320562132',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};
const PUSH_TEXT = [
  '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>',
  '<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>',
  '<CreateTime>1409735668</CreateTime>',
  '<MsgType><![CDATA[text]]></MsgType>',
  '<Content><![CDATA[abcdteT]]></Content>',
  '<MsgId>6054768590064713728</MsgId>',
  '</xml>',
].join('\n');

/** Signs a ciphertext as WeChat would, for the pamtest ciphertexts that come without one. */
const signed = (secrets: WeChatSecrets, encrypt: string, at = PAM) => ({
  ...at,
  encrypt,
  msgSignature: signature(secrets.token, at.timestamp, at.nonce, encrypt),
});

/** AES-256-CBC over exactly these bytes, so a test can hand the decryptor any padding it likes. */
function rawEncrypt(secrets: WeChatSecrets, plain: Buffer): string {
  const key = Buffer.from(`${secrets.encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function framed(message: string, appid: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([PAM.random16, length, body, Buffer.from(appid)]);
}

function flipByte(encrypt: string, index: number): string {
  const bytes = Buffer.from(encrypt, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('the published samples', () => {
  it('encrypts the pamtest texts to the published ciphertexts', () => {
    expect(encryptMessage(PAMTEST, PAM_TEXT, PAM).encrypt).toBe(PAM_TEXT_CIPHER);
    expect(encryptMessage(PAMTEST, PAM_XML, PAM).encrypt).toBe(PAM_XML_CIPHER);
  });

  it('decrypts the published pamtest ciphertexts', () => {
    expect(decryptMessage(PAMTEST, signed(PAMTEST, PAM_TEXT_CIPHER))).toEqual({
      ok: true,
      message: PAM_TEXT,
    });
    expect(decryptMessage(PAMTEST, signed(PAMTEST, PAM_XML_CIPHER))).toEqual({ ok: true, message: PAM_XML });
  });

  it('verifies the published msg_signature of a push and decrypts it byte for byte', () => {
    expect(signature(SPAMTEST.token, PUSH.timestamp, PUSH.nonce, PUSH.encrypt)).toBe(PUSH.msgSignature);
    expect(decryptMessage(SPAMTEST, PUSH)).toEqual({ ok: true, message: PUSH_TEXT });
  });
});

describe('encryptMessage and decryptMessage', () => {
  it('round-trips with a fresh random prefix each time', () => {
    const a = encryptMessage(PAMTEST, '<xml><A>1</A></xml>', { timestamp: '1', nonce: 'n' });
    const b = encryptMessage(PAMTEST, '<xml><A>1</A></xml>', { timestamp: '1', nonce: 'n' });
    expect(a.encrypt).not.toBe(b.encrypt);
    const opened = decryptMessage(PAMTEST, { ...a, timestamp: '1', nonce: 'n' });
    expect(opened).toEqual({ ok: true, message: '<xml><A>1</A></xml>' });
  });

  it('pads a message that fills whole 32-byte blocks with a full block', () => {
    // 16 + 4 + 22 + 18 = 60 bytes, so 4 of padding; 26 characters make 64 and need 32 more.
    for (const message of ['x'.repeat(22), 'x'.repeat(26), '']) {
      const sealed = encryptMessage(PAMTEST, message, PAM);
      expect(Buffer.from(sealed.encrypt, 'base64').length % 32).toBe(0);
      expect(decryptMessage(PAMTEST, { ...PAM, ...sealed })).toEqual({ ok: true, message });
    }
  });

  it('refuses a wrong signature, a wrong token and a changed timestamp or nonce', () => {
    expect(decryptMessage(SPAMTEST, { ...PUSH, msgSignature: '0'.repeat(40) })).toEqual({
      ok: false,
      error: 'signature',
    });
    expect(decryptMessage(SPAMTEST, { ...PUSH, msgSignature: '' })).toMatchObject({ error: 'signature' });
    expect(decryptMessage(PAMTEST, PUSH)).toMatchObject({ error: 'signature' });
    expect(decryptMessage(SPAMTEST, { ...PUSH, timestamp: '1409735670' })).toMatchObject({
      error: 'signature',
    });
    expect(decryptMessage(SPAMTEST, { ...PUSH, nonce: '1320562133' })).toMatchObject({ error: 'signature' });
  });

  it('refuses a message encrypted for another app', () => {
    expect(decryptMessage({ ...SPAMTEST, appid: 'wxb11529c136998cb6' }, PUSH)).toEqual({
      ok: false,
      error: 'appid',
    });
    const other = rawEncrypt(
      PAMTEST,
      Buffer.concat([framed('hi', 'wx0000000000000000'), Buffer.alloc(24, 24)]),
    );
    expect(decryptMessage(PAMTEST, signed(PAMTEST, other))).toEqual({ ok: false, error: 'appid' });
  });

  it('refuses bad padding even when the signature is right', () => {
    const frame = framed('hi', PAMTEST.appid); // 40 bytes: 24 of padding make 64
    const pads = [
      Buffer.alloc(24, 0), // a zero pad byte
      Buffer.concat([Buffer.alloc(23, 24), Buffer.from([33])]), // more than a 32-byte block
      Buffer.concat([Buffer.alloc(23, 7), Buffer.from([24])]), // pad bytes that disagree
    ];
    for (const pad of pads) {
      const encrypt = rawEncrypt(PAMTEST, Buffer.concat([frame, pad]));
      expect(decryptMessage(PAMTEST, signed(PAMTEST, encrypt))).toEqual({ ok: false, error: 'decrypt' });
    }
  });

  it('refuses a length prefix that runs past the end', () => {
    const frame = framed('hi', PAMTEST.appid);
    frame.writeUInt32BE(1000, 16);
    const encrypt = rawEncrypt(PAMTEST, Buffer.concat([frame, Buffer.alloc(24, 24)]));
    expect(decryptMessage(PAMTEST, signed(PAMTEST, encrypt))).toEqual({ ok: false, error: 'decrypt' });
  });

  it('refuses a tampered ciphertext: by its signature, and by its padding when re-signed', () => {
    const tampered = flipByte(PAM_TEXT_CIPHER, 47); // last byte of the third block
    const original = signed(PAMTEST, PAM_TEXT_CIPHER);
    expect(decryptMessage(PAMTEST, { ...original, encrypt: tampered })).toEqual({
      ok: false,
      error: 'signature',
    });
    // Flipping the third block flips the same bit of the fourth block's plaintext: its last pad byte.
    expect(decryptMessage(PAMTEST, signed(PAMTEST, tampered))).toEqual({ ok: false, error: 'decrypt' });
    // Flipping the second block garbles the plaintext's second block, where the length prefix is.
    expect(decryptMessage(PAMTEST, signed(PAMTEST, flipByte(PAM_TEXT_CIPHER, 20)))).toEqual({
      ok: false,
      error: 'decrypt',
    });
  });

  it('refuses what is not base64 of whole blocks, and a malformed EncodingAESKey, without throwing', () => {
    for (const encrypt of ['', 'not base64!', 'YWJj', PAM_TEXT_CIPHER.slice(0, -4)]) {
      expect(decryptMessage(PAMTEST, signed(PAMTEST, encrypt))).toEqual({ ok: false, error: 'decrypt' });
    }
    const badKey = { ...PAMTEST, encodingAesKey: 'abcde' };
    expect(decryptMessage(badKey, signed(badKey, PAM_TEXT_CIPHER))).toEqual({ ok: false, error: 'decrypt' });
    expect(() => encryptMessage(badKey, 'x', PAM)).toThrow(RangeError);
    expect(() => encryptMessage(PAMTEST, 'x', { ...PAM, random16: Buffer.alloc(15) })).toThrow(RangeError);
  });
});
