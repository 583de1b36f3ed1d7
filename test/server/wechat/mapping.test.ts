/**
 * Our form as WeChat's apply_icp_filing body, and WeChat's refusals back onto our form paths: what
 * a filer sees when WeChat rejects a field must land on the field they typed it in.
 */
import { FIELD_SPECS } from '@beian/core';
import {
  API_PATHS,
  applyBody,
  CANCEL_TYPES,
  formPathOfApiPath,
  formPathOfLabel,
  mediaNeeds,
  wechatDate,
} from '../../../server/wechat/mapping';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

const mediaOf = (fileId: string) => `media-${fileId.split('/').pop()}`;

describe('form → apply_icp_filing', () => {
  it('sends the enterprise form in WeChat field names, dates as YYYYMMDD and regions as strings', () => {
    const form = enterpriseForm();
    const body = applyBody(form, mediaOf, 'task-1');
    expect(body.icp_subject.base_info).toMatchObject({
      type: 4,
      name: form.subject.name,
      province: form.subject.region.province,
      district: form.subject.region.district,
    });
    expect(typeof body.icp_subject.base_info.province).toBe('string');
    expect(body.icp_subject.principal_info.certificate_validity_date_start).toMatch(/^\d{8}$/);
    expect(body.icp_applets.principal_info.verify_task_id).toBe('task-1');
    expect(body.icp_applets.principal_info.name).toBe(form.miniprogram.principal.name);
    expect(body.icp_subject.organize_info.certificate_photo).toBe(mediaOf(form.subject.certificate.photo));
    // WeChat fills the appid and name from the token: they are not ours to send.
    expect(JSON.stringify(body)).not.toContain(form.miniprogram.appid);
  });

  it('a long-term certificate ends 长期, not a date', () => {
    expect(wechatDate('长期')).toBe('长期');
    expect(wechatDate('2020-01-31')).toBe('20200131');
  });

  it("a personal subject's organize_info mirrors its principal's ID card", () => {
    const form = personalForm();
    const organize = applyBody(form, mediaOf, 't').icp_subject.organize_info;
    expect(organize).toEqual({
      certificate_type: form.subject.principal.certificate.type,
      certificate_number: form.subject.principal.certificate.number,
      certificate_address: form.subject.certificate.address,
      certificate_photo: mediaOf(form.subject.principal.certificate.photoFront),
    });
  });

  it('no pre-approval is {type: 24} alone, without code or media', () => {
    const form = personalForm();
    form.miniprogram.preApprovals = [{ type: 24, code: '', media: '' }];
    expect(applyBody(form, mediaOf, 't').icp_applets.base_info.nrlx_details).toEqual([{ type: 24 }]);
    form.miniprogram.preApprovals = [];
    expect(applyBody(form, mediaOf, 't').icp_applets.base_info.nrlx_details).toEqual([{ type: 24 }]);
  });

  it('the legal person and the authorization letter go only when the principal is not the legal representative', () => {
    const form = enterpriseForm();
    form.subject.principal.isLegalRepresentative = true;
    const asRepresentative = applyBody(form, mediaOf, 't');
    expect(asRepresentative.icp_subject.legal_person_info).toBeUndefined();
    expect(asRepresentative.icp_subject.principal_info.authorization_letter).toBeUndefined();
  });

  it('lists every referenced file once per field, certificate photos with their certificate type', () => {
    const form = enterpriseForm();
    const needs = mediaNeeds(form);
    expect(needs).toContainEqual({
      fileId: form.subject.certificate.photo,
      fields: {
        type: 'image',
        icp_order_field: 'icp_subject.organize_info.certificate_photo',
        certificate_type: form.subject.certificate.type,
      },
    });
    expect(needs).toContainEqual({
      fileId: form.miniprogram.principal.certificate.photoFront,
      fields: expect.objectContaining({
        icp_order_field: 'icp_applets.principal_info.certificate_photo_front',
        certificate_type: form.miniprogram.principal.certificate.type,
      }),
    });
    expect(needs.every((need) => need.fileId !== '')).toBe(true);
  });
});

describe('WeChat refusals → form paths', () => {
  it('maps a hint on an API path, with or without an index, to the form field', () => {
    expect(formPathOfApiPath('icp_subject.principal_info.mobile')).toBe('subject.principal.mobile');
    expect(formPathOfApiPath('icp_applets.base_info.nrlx_details[0].code')).toBe('miniprogram.preApprovals');
    expect(formPathOfApiPath('icp_materials.commitment_letter')).toBe('materials.commitmentLetter');
    expect(formPathOfApiPath('icp_nothing.at_all')).toBeNull();
  });

  it('every mapped form path is a real field of the form', () => {
    for (const formPath of Object.values(API_PATHS)) {
      const known = formPath in FIELD_SPECS || formPath === 'miniprogram.preApprovals';
      expect([formPath, known]).toEqual([formPath, true]);
    }
  });

  it('maps audit_data key_name labels to our fields by their Chinese names', () => {
    expect(formPathOfLabel('主体负责人手机号码')).toBe('subject.principal.mobile');
    expect(formPathOfLabel(' 小程序备注 ')).toBe('miniprogram.comment');
    expect(formPathOfLabel('不存在的字段')).toBeNull();
  });

  it('cancels with WeChat’s cancel type for each scope', () => {
    expect(CANCEL_TYPES).toEqual({ subject: 1, miniprogram: 2, access: 3 });
  });
});
