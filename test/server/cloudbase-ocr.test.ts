/**
 * The deployed function's OCR adapter on wx-server-sdk's calls: the photo's bytes go as `img`
 * (photo mode for ID cards), the SDK's camelCase answer comes back as it is, and a CloudSDKError
 * (a non-zero errcode, thrown) comes back as that errcode — never thrown to the action.
 */
import { cloudCertificates, type OcrCalls } from '../../server/cloudbase/ocr';
import type { FileContent } from '../../server/ports';
import { ID_FRONT_CLOUD, LICENCE_CLOUD } from './helpers/ocr';

const photo: FileContent = {
  bytes: new Uint8Array([0xff, 0xd8, 0xff]),
  contentType: 'image/jpeg',
  filename: 'id-front.jpg',
};

/** What wx-server-sdk throws for a non-zero errcode: an Error with `errCode` and `errMsg`. */
function cloudSdkError(errCode: number, errMsg: string): Error {
  return Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg });
}

describe('cloudbase OCR', () => {
  it('sends the photo as img in photo mode, and answers the camelCase fields as they came', async () => {
    const seen: unknown[] = [];
    const calls: OcrCalls = {
      idcard: async (params) => {
        seen.push(params);
        return ID_FRONT_CLOUD;
      },
      businessLicense: async (params) => {
        seen.push(params);
        return LICENCE_CLOUD;
      },
    };
    const reader = cloudCertificates(calls);
    expect(await reader.read('idcard', photo)).toEqual({ ok: true, fields: ID_FRONT_CLOUD });
    expect(await reader.read('licence', photo)).toEqual({ ok: true, fields: LICENCE_CLOUD });
    expect(seen).toEqual([
      { type: 'photo', img: { contentType: 'image/jpeg', value: Buffer.from([0xff, 0xd8, 0xff]) } },
      { img: { contentType: 'image/jpeg', value: Buffer.from([0xff, 0xd8, 0xff]) } },
    ]);
  });

  it.each([
    [cloudSdkError(101003, 'quota exceeded'), 101003],
    [cloudSdkError(-604101, 'function has no permission to call this API'), -604101],
    [Object.assign(new Error('boom'), { errCode: '48001' }), 48001],
    [new Error('socket hang up'), -1],
  ])('answers what the SDK threw as its errcode (%s)', async (thrown, errCode) => {
    const fail = async (): Promise<never> => {
      throw thrown;
    };
    const reader = cloudCertificates({ idcard: fail, businessLicense: fail });
    expect(await reader.read('idcard', photo)).toMatchObject({ ok: false, errCode });
  });
});
