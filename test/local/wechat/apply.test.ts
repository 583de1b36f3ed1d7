/**
 * `apply_icp_filing` refuses what WeChat refuses: each rule answers 86202 with a hint at the
 * field's API path (86205 for an unknown media, 86328 for a photo uploaded as another certificate
 * type), every hint in one answer; one open order per appid (86324, the whole answer).
 */
import type { ApplyIcpFilingRequest } from '../../../server/wechat/api';
import { APPLY_UPLOADS, OTHER_WECHAT_APPID, WECHAT_APPID } from '../../fixtures/wechat-apply';
import { DAY, HOUR, hintFields, WeChatCloud, type Json } from './harness';

let test: WeChatCloud;
let token: string;
let valid: ApplyIcpFilingRequest;

beforeAll(async () => {
  test = await WeChatCloud.start();
  ({ token, body: valid } = await test.readyToApply(WECHAT_APPID));
});

afterAll(async () => {
  await test.close();
});

/** Applies the valid body after `change`, expecting a refusal. */
async function refused(change: (body: ApplyIcpFilingRequest) => void): Promise<Json> {
  const body = structuredClone(valid);
  change(body);
  const answer = await test.apply(token, body);
  expect(answer.errcode).toBe(86202);
  return answer;
}

async function fieldsOf(change: (body: ApplyIcpFilingRequest) => void): Promise<string[]> {
  return hintFields(await refused(change));
}

const subject = 'icp_subject';
const applets = 'icp_applets';

describe('required fields and formats', () => {
  it('names a missing field by its API path', async () => {
    expect(
      await fieldsOf((b) => void Reflect.deleteProperty(b.icp_subject.principal_info, 'mobile')),
    ).toEqual([`${subject}.principal_info.mobile`]);
    expect(await fieldsOf((b) => void Reflect.deleteProperty(b, 'icp_applets'))).toEqual([applets]);
    expect(await fieldsOf((b) => (b.icp_subject.base_info.address = ' '))).toEqual([
      `${subject}.base_info.address`,
    ]);
  });

  it('refuses a mobile, an emergency contact or an email that is not one', async () => {
    expect(
      await fieldsOf((b) => {
        b.icp_applets.principal_info.mobile = '1380000123';
        b.icp_applets.principal_info.emergency_contact = b.icp_applets.principal_info.mobile;
        b.icp_subject.principal_info.email = 'zhangsan.example.com';
      }),
    ).toEqual([
      `${subject}.principal_info.email`,
      `${applets}.principal_info.mobile`,
      `${applets}.principal_info.emergency_contact`,
      `${applets}.principal_info.emergency_contact`,
    ]);
  });

  it('collects every hint, not just the first', async () => {
    const fields = await fieldsOf((b) => {
      b.icp_subject.base_info.type = 99;
      b.icp_subject.principal_info.name = '';
      b.icp_applets.base_info.comment = '太短';
    });
    expect(fields).toEqual([
      `${subject}.base_info.type`,
      `${subject}.principal_info.name`,
      `${applets}.base_info.comment`,
    ]);
  });
});

describe('enumerations', () => {
  it('takes only a subject type of query_icp_subject_types', async () => {
    expect(await fieldsOf((b) => (b.icp_subject.base_info.type = 7))).toEqual([`${subject}.base_info.type`]);
  });

  it('takes only a certificate type of the subject type', async () => {
    // 2 居民身份证 is subject type 5's (个人), not an enterprise's.
    expect(await fieldsOf((b) => (b.icp_subject.organize_info.certificate_type = 2))).toEqual([
      `${subject}.organize_info.certificate_type`,
    ]);
    expect(await fieldsOf((b) => (b.icp_subject.organize_info.certificate_type = 8))).toEqual([
      `${subject}.organize_info.certificate_type`,
    ]);
  });

  it("takes only an individual's certificate type for a principal", async () => {
    expect(await fieldsOf((b) => (b.icp_applets.principal_info.certificate_type = 1))).toEqual([
      `${applets}.principal_info.certificate_type`,
    ]);
  });
});

describe('service content types', () => {
  it('takes second-level types only', async () => {
    expect(await fieldsOf((b) => (b.icp_applets.base_info.service_content_types = [3, 500]))).toEqual([
      `${applets}.base_info.service_content_types.1`,
    ]);
  });

  it('takes 1 to 5 of them', async () => {
    const field = `${applets}.base_info.service_content_types`;
    expect(
      await fieldsOf((b) => (b.icp_applets.base_info.service_content_types = [1, 2, 3, 4, 5, 6])),
    ).toEqual([field]);
    expect(await fieldsOf((b) => (b.icp_applets.base_info.service_content_types = []))).toEqual([field]);
  });
});

describe('nrlx_details', () => {
  const field = `${applets}.base_info.nrlx_details`;

  it('takes each type once', async () => {
    expect(
      await fieldsOf((b) => {
        b.icp_applets.base_info.nrlx_details = [
          { type: 3, code: '京教审字[2026]1号', media: b.icp_applets.principal_info.certificate_photo_front },
          { type: 3, code: '京教审字[2026]2号', media: b.icp_applets.principal_info.certificate_photo_front },
        ];
      }),
    ).toEqual([`${field}.1.type`]);
  });

  it('takes {type: 24} alone', async () => {
    expect(
      await fieldsOf((b) => {
        b.icp_applets.base_info.nrlx_details = [{ type: 24 }, { type: 1, code: '京新审字1号', media: 'x' }];
      }),
    ).toContain(`${field}.0.type`);
    expect(await fieldsOf((b) => (b.icp_applets.base_info.nrlx_details = []))).toEqual([field]);
  });

  it('needs a code and a media for any other type', async () => {
    expect(await fieldsOf((b) => (b.icp_applets.base_info.nrlx_details = [{ type: 4 }]))).toEqual([
      `${field}.0.code`,
      `${field}.0.media`,
    ]);
    expect(
      await fieldsOf((b) => (b.icp_applets.base_info.nrlx_details = [{ type: 11, code: 'x', media: 'y' }])),
    ).toEqual([`${field}.0.type`]);
  });
});

describe('the mini-program comment', () => {
  it('is 20 to 200 characters', async () => {
    const field = `${applets}.base_info.comment`;
    expect(await fieldsOf((b) => (b.icp_applets.base_info.comment = '字'.repeat(19)))).toEqual([field]);
    expect(await fieldsOf((b) => (b.icp_applets.base_info.comment = '字'.repeat(201)))).toEqual([field]);
    expect(await fieldsOf((b) => (b.icp_applets.base_info.comment = ''))).toEqual([field]);
  });
});

describe('dates', () => {
  const start = `${subject}.principal_info.certificate_validity_date_start`;
  const end = `${subject}.principal_info.certificate_validity_date_end`;
  /** The fields refused once the subject principal's certificate starts / ends on `value`. */
  const starting = (value: string) =>
    fieldsOf((b) => (b.icp_subject.principal_info.certificate_validity_date_start = value));
  const ending = (value: string) =>
    fieldsOf((b) => (b.icp_subject.principal_info.certificate_validity_date_end = value));

  it('are YYYYMMDD calendar dates', async () => {
    expect(await starting('2020-01-01')).toEqual([start]);
    expect(await starting('20200230')).toEqual([start]);
  });

  it('may end 长期, but not before they start', async () => {
    expect(await ending('永久')).toEqual([end]);
    expect(await ending('20191231')).toEqual([end]);
    expect(
      await fieldsOf((b) => (b.icp_applets.principal_info.certificate_validity_date_start = '长期')),
    ).toEqual([`${applets}.principal_info.certificate_validity_date_start`]);
  });
});

describe('the region', () => {
  const base = `${subject}.base_info`;

  it('is three codes of WeChat’s tree, each under the one before', async () => {
    expect(await fieldsOf((b) => (b.icp_subject.base_info.district = '310101'))).toEqual([
      `${base}.district`,
    ]);
    expect(await fieldsOf((b) => (b.icp_subject.base_info.city = '310100'))).toEqual([`${base}.city`]);
    expect(await fieldsOf((b) => (b.icp_subject.base_info.province = '110100'))).toEqual([
      `${base}.province`,
    ]);
    // 110105 is a district, and only WeChat's tree has 110100 市辖区 between it and 北京市.
    expect(await fieldsOf((b) => (b.icp_subject.base_info.city = '110105'))).toEqual([`${base}.city`]);
  });

  it('is sent as strings', async () => {
    expect(await fieldsOf((b) => Object.assign(b.icp_subject.base_info, { province: 110000 }))).toEqual([
      `${base}.province`,
    ]);
  });
});

describe('media', () => {
  it('answers 86205 at the field of a media_id never uploaded', async () => {
    const answer = await refused((b) => (b.icp_subject.organize_info.certificate_photo = 'never-uploaded'));
    expect(answer.hints).toEqual([
      {
        errcode: 86205,
        errmsg: expect.stringContaining('media_id'),
        err_field: `${subject}.organize_info.certificate_photo`,
      },
    ]);
  });

  it("answers 86205 for another appid's media", async () => {
    const other = await test.authorizerToken(OTHER_WECHAT_APPID);
    const theirs = await test.upload(other.token, {
      type: 'image',
      certificate_type: '2',
      icp_order_field: 'x',
    });
    const answer = await refused(
      (b) => (b.icp_subject.principal_info.certificate_photo_front = String(theirs.media_id)),
    );
    expect(answer.hints).toMatchObject([{ errcode: 86205 }]);
  });

  it('answers 86328 for a certificate photo uploaded as another certificate type', async () => {
    const passport = await test.upload(token, {
      type: 'image',
      certificate_type: '7',
      icp_order_field: APPLY_UPLOADS.subjectFront.icp_order_field,
    });
    const answer = await refused(
      (b) => (b.icp_subject.principal_info.certificate_photo_front = String(passport.media_id)),
    );
    expect(answer.hints).toEqual([
      expect.objectContaining({
        errcode: 86328,
        err_field: `${subject}.principal_info.certificate_photo_front`,
      }),
    ]);
  });

  it('checks every material media_id and the most of each', async () => {
    const fields = await fieldsOf((b) => {
      b.icp_materials = { commitment_letter: ['a', 'b'], subject_other_materials: ['gone'] };
    });
    expect(fields).toEqual([
      'icp_materials.commitment_letter',
      'icp_materials.commitment_letter.0',
      'icp_materials.commitment_letter.1',
      'icp_materials.subject_other_materials.0',
    ]);
  });
});

describe('the verify task', () => {
  const field = `${applets}.principal_info.verify_task_id`;

  it('must exist and have finished with face_status 3', async () => {
    const created = await test.api('/wxa/icp/create_icp_verifytask', { access_token: token }, {});
    expect(
      await fieldsOf((b) => (b.icp_applets.principal_info.verify_task_id = String(created.task_id))),
    ).toEqual([field]);
    const failed = await test.finishedTask(token, 2);
    expect(await fieldsOf((b) => (b.icp_applets.principal_info.verify_task_id = failed))).toEqual([field]);
    expect(await fieldsOf((b) => (b.icp_applets.principal_info.verify_task_id = 'no-such-task'))).toEqual([
      field,
    ]);
  });

  it('is usable 3 days, 1 day with along_with_auth', async () => {
    const along = await test.finishedTask(token, 3, true);
    await test.advance(DAY);
    // The authorizer token lasts two hours; Beian would refresh it.
    ({ token } = await test.authorizerToken(WECHAT_APPID));
    expect(await fieldsOf((b) => (b.icp_applets.principal_info.verify_task_id = along))).toEqual([field]);
    await test.advance(2 * DAY - HOUR);
    ({ token } = await test.authorizerToken(WECHAT_APPID));
    // The fixture's task (made at start) has an hour left.
    const stillValid = await test.apply(token, structuredClone(valid));
    expect(stillValid).toEqual({ errcode: 0, errmsg: 'ok' });
  });
});

describe('one order at a time', () => {
  it('answers 86324, the whole answer, while an order is under review', async () => {
    // The order made by the test before is under platform review.
    const answer = await test.apply(token, structuredClone(valid));
    expect(answer).toEqual({ errcode: 86324, errmsg: expect.any(String) });
    expect(answer.hints).toBeUndefined();
  });
});
