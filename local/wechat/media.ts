/**
 * `upload_icp_media` and `get_icp_media`: each upload is one media_id of the authorizer that sent
 * it, remembering what the uploader said it is (type, certificate_type, icp_order_field) — WeChat
 * accepts a wrong certificate_type here and refuses it only at apply (86328), so the emulator does
 * too. The bytes are files of the data folder, owner-only like every upload.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRCODE, type UploadMediaResponse } from '../../server/wechat/api';
import type { LocalClock } from '../clock';
import { writePrivateFile } from '../private-files';
import { MORE_ERRCODE, OK, WeChatError } from './errors';
import type { FormData } from './multipart';
import type { MediaRecord, StateFile } from './state';

/** The largest upload taken; WeChat's own limits are not published (a promise video is the largest). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

export class MediaStore {
  constructor(
    private readonly file: StateFile,
    private readonly dir: string,
    private readonly clock: LocalClock,
  ) {}

  upload(appid: string, form: FormData): UploadMediaResponse {
    const { type, certificate_type: certificateType, icp_order_field: icpOrderField } = form.fields;
    const media = form.files.media;
    if (type !== 'image' && type !== 'video')
      throw new WeChatError(MORE_ERRCODE.invalidArgs, 'type 应为 image 或 video');
    if (!icpOrderField) throw new WeChatError(MORE_ERRCODE.invalidArgs, '缺少 icp_order_field');
    if (certificateType !== undefined && certificateType !== '' && !/^\d+$/.test(certificateType)) {
      throw new WeChatError(MORE_ERRCODE.invalidArgs, 'certificate_type 应为数字');
    }
    if (!media || media.bytes.length === 0)
      throw new WeChatError(MORE_ERRCODE.invalidArgs, '缺少文件分段 media');
    const mediaId = randomBytes(24).toString('hex');
    const createdAt = this.clock.now().getTime();
    writePrivateFile(join(this.dir, mediaId), media.bytes);
    this.file.change((state) => {
      state.media[mediaId] = {
        appid,
        type,
        certificateType: certificateType ? Number(certificateType) : null,
        icpOrderField,
        filename: media.filename,
        contentType: media.contentType,
        size: media.bytes.length,
        createdAt,
      };
    });
    return { ...OK, type, media_id: mediaId, created_at: Math.floor(createdAt / 1000) };
  }

  /** The authorizer's own media, or undefined: another platform's media_id is not theirs to use. */
  find(appid: string, mediaId: string): MediaRecord | undefined {
    const record = Object.prototype.hasOwnProperty.call(this.file.state.media, mediaId)
      ? this.file.state.media[mediaId]
      : undefined;
    return record?.appid === appid ? record : undefined;
  }

  read(appid: string, mediaId: string): { contentType: string; bytes: Buffer } {
    const record = this.find(appid, mediaId);
    const path = join(this.dir, mediaId);
    if (!record || !existsSync(path)) throw new WeChatError(ERRCODE.unknownMedia);
    return { contentType: record.contentType, bytes: readFileSync(path) };
  }
}
