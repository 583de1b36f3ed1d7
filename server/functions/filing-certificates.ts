/**
 * Reading a certificate photo (docs/certificate-recognition.md): the photo the
 * saved form holds at `field` is sent to WeChat's OCR (the local engine in the local cloud), read
 * into core's facts and mapped onto form paths. The page fills what is empty and offers the rest;
 * the reading is kept beside the application, so the checks and the reviewer compare with it.
 */
import {
  isEditable,
  readPath,
  recognitionRefusal,
  recognitionTarget,
  recognizedValues,
  STATE_INFO,
  type Recognition,
} from '@beian/core';
import { loadOwned } from '../app/load';
import { refuse } from '../errors';
import { readAnswer } from '../ocr/parse';
import { ocrRefusal, photoRefusal, UNREADABLE } from '../ocr/refusals';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';

/** WeChat's OCR takes images under 2 MB. */
export const MAX_OCR_BYTES = 2 * 1024 * 1024;

export const recognizeCertificate: FilingAction<'certificate.recognize'> = {
  params: filingParams['certificate.recognize'],
  async run({ id, field }, { who, deps }) {
    const target = recognitionTarget(field);
    if (!target) {
      throw refuse.badRequest('只能识别身份证人像面、国徽面或营业执照的照片。', [
        { path: 'field', code: 'recognition.not_certificate', message: `${field} 不是可识别的证件照片` },
      ]);
    }
    const application = await loadOwned(deps, id, who.openid);
    if (!isEditable(application.state)) {
      throw refuse.invalidState(`申请${STATE_INFO[application.state].label}，现在不能识别证件填写。`);
    }
    const { form } = application;
    const refusal = recognitionRefusal(target, form);
    if (refusal !== null) throw photoRefusal(field, refusal);
    const fileId = readPath(form, field);
    if (typeof fileId !== 'string' || fileId === '') throw photoRefusal(field, '请先上传照片，保存后再识别');
    const image = await deps.files.content(fileId);
    if (!image) throw photoRefusal(field, '照片已不存在，请重新上传');
    if (image.bytes.byteLength > MAX_OCR_BYTES)
      throw photoRefusal(field, '照片超过 2 MB，无法识别，请压缩后重新上传');
    const answer = await deps.certificates.read(target.side === 'licence' ? 'licence' : 'idcard', image);
    if (!answer.ok) {
      deps.logger.info(`certificate.recognize ${target.side}: errcode ${answer.errCode}`);
      throw ocrRefusal(answer.errCode, field);
    }
    const reading = readAnswer(target.side, answer.fields);
    if (!reading.ok) {
      throw photoRefusal(
        field,
        reading.problem === 'wrong_side'
          ? target.side === 'id_front'
            ? '这是身份证的国徽面，请在这里上传人像面（有照片的一面）'
            : '这是身份证的人像面，请在这里上传国徽面（有签发机关和有效期限的一面）'
          : UNREADABLE,
      );
    }
    const values = recognizedValues(target, reading.facts, form);
    const recognition: Recognition = {
      field,
      fileId,
      at: deps.clock.now().toISOString(),
      values,
      facts: reading.facts,
    };
    await deps.store.recognitions.put(application.id, recognition);
    return { values, facts: reading.facts, recognition };
  },
};
