/**
 * 人脸核身 of the mini-program principal, behind one interface. Today Beian captures a live photo
 * with the front camera that reviewers compare with the ID photo (no liveness check: the official
 * filing still sends its own face task to the administrator's WeChat). WeChat's own face
 * verification (`wx.requestFacialVerify`) is restricted to whitelisted industries and needs a
 * server-issued verifyId; where an account qualifies, a second `FaceVerifier` with method
 * `wechat` fills `verifyId` instead, and `faceVerifier()` returns it — the form does not change.
 */
import type { FaceVerification } from '@beian/core';
import { checkPhoto, PHOTO_RULES, uploadPhoto } from './uploads';

/** Where the capture goes in the form: the mini-program principal's face photo. */
const FACE_PHOTO_PATH = 'miniprogram.principal.faceVerification.photo';

/** The guide's advice before the capture (docs/domain.md § Face verification): what makes a face check fail. */
export const FACE_GUIDANCE: readonly string[] = [
  '白色或浅色纯色背景，光线均匀，不要逆光',
  '正对镜头，表情自然，双眼睁开',
  '面部无遮挡：不戴帽子、口罩、耳机，头发不遮挡眉眼',
  '着装整齐，不要裸露肩膀',
];

/** Who is being verified: the mini-program principal as entered in the form. */
export interface FacePerson {
  name: string;
  idNumber: string;
}

export type FaceOutcome =
  { ok: true; verification: FaceVerification } | { ok: false; cancelled: boolean; message: string };

export interface FaceVerifier {
  readonly method: FaceVerification['method'];
  /** One line for the button, e.g. "拍摄人脸照片". */
  readonly actionText: string;
  verify(person: FacePerson, onProgress?: (percent: number) => void): Promise<FaceOutcome>;
}

type Captured = { ok: true; path: string; size: number } | { ok: false; cancelled: boolean };

function captureWithFrontCamera(): Promise<Captured> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      // A live capture only: a picture from the album proves nothing about who is holding the phone.
      sourceType: ['camera'],
      camera: 'front',
      sizeType: ['compressed'],
      success: (result) => {
        const file = result.tempFiles[0];
        resolve(
          file ? { ok: true, path: file.tempFilePath, size: file.size } : { ok: false, cancelled: true },
        );
      },
      fail: (error) => resolve({ ok: false, cancelled: /cancel/i.test(error.errMsg) }),
    });
  });
}

/** The photo capture reviewers look at. The person is not needed: the reviewer compares by eye. */
export const photoCapture: FaceVerifier = {
  method: 'photo',
  actionText: '拍摄人脸照片',
  async verify(_person, onProgress) {
    const captured = await captureWithFrontCamera();
    if (!captured.ok) {
      return captured.cancelled
        ? { ok: false, cancelled: true, message: '已取消拍摄。' }
        : { ok: false, cancelled: false, message: '无法打开相机，请在设置中允许使用摄像头后重试。' };
    }
    const file = { path: captured.path, size: captured.size };
    const problem = await checkPhoto(file, PHOTO_RULES.face);
    if (problem) return { ok: false, cancelled: false, message: problem };
    const uploaded = await uploadPhoto(file, FACE_PHOTO_PATH, onProgress);
    if (!uploaded.ok) return { ok: false, cancelled: false, message: uploaded.message };
    return {
      ok: true,
      verification: {
        method: 'photo',
        photo: uploaded.fileId,
        verifyId: '',
        completedAt: new Date().toISOString(),
      },
    };
  },
};

/**
 * The verifier this account uses. WeChat's own face verification would need a `face.verifyId`
 * action on the server (name + ID number → verifyId) that the contract does not have yet, so every
 * account uses the photo capture for now.
 */
export function faceVerifier(): FaceVerifier {
  return photoCapture;
}
