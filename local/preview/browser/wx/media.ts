/**
 * Picking and viewing images: `chooseMedia`/`chooseImage` open the browser's file picker and answer
 * with WeChat-style temporary paths; `getImageInfo` measures an image; `previewImage` shows it full
 * screen.
 */
import { addTemporaryFile, displayUrl, temporaryFile } from '../files';
import type { Overlays } from '../ui';
import { asyncApi, num, str, WxFail } from './api';
import type { Privacy } from './privacy';

interface Picked {
  path: string;
  file: File;
  width: number;
  height: number;
}

/** `sourceType: ['camera']` only: a phone's browser opens the camera (a desktop, its file picker). */
function pickFiles(accept: string, count: number, camera: string | null): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    if (camera) input.setAttribute('capture', camera === 'front' ? 'user' : 'environment');
    input.addEventListener('change', () => resolve([...(input.files ?? [])].slice(0, count)));
    input.addEventListener('cancel', () => reject(new WxFail('cancel')));
    input.click();
  });
}

function measure(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new WxFail('get image info error'));
    image.src = url;
  });
}

async function pick(accept: string, count: number, camera: string | null = null): Promise<Picked[]> {
  const files = await pickFiles(accept, count, camera);
  if (files.length === 0) throw new WxFail('cancel');
  return Promise.all(
    files.map(async (file) => {
      const path = addTemporaryFile(file, file.name);
      const size = file.type.startsWith('image/') ? await measure(displayUrl(path)) : { width: 0, height: 0 };
      return { path, file, ...size };
    }),
  );
}

function acceptOf(mediaType: unknown): string {
  const types = Array.isArray(mediaType) ? mediaType.map((t) => str(t)) : ['image', 'video'];
  const accept = [];
  if (types.includes('image') || types.includes('mix')) accept.push('image/*');
  if (types.includes('video') || types.includes('mix')) accept.push('video/*');
  return accept.join(',') || 'image/*';
}

export function mediaApis(overlays: Overlays, privacy: Privacy): Record<string, unknown> {
  return {
    chooseMedia: asyncApi('chooseMedia', async (o) => {
      await privacy.require('chooseMedia');
      const sources = Array.isArray(o.sourceType) ? o.sourceType.map((source) => str(source)) : [];
      const cameraOnly = sources.length === 1 && sources[0] === 'camera';
      const picked = await pick(
        acceptOf(o.mediaType),
        num(o.count, 9),
        cameraOnly ? str(o.camera, 'back') : null,
      );
      const fileTypes = new Set(
        picked.map((item) => (item.file.type.startsWith('video/') ? 'video' : 'image')),
      );
      return {
        type: fileTypes.size > 1 ? 'mix' : ([...fileTypes][0] ?? 'image'),
        tempFiles: picked.map((item) => ({
          tempFilePath: item.path,
          size: item.file.size,
          fileType: item.file.type.startsWith('video/') ? 'video' : 'image',
          width: item.width,
          height: item.height,
          thumbTempFilePath: '',
          duration: 0,
        })),
      };
    }),
    chooseImage: asyncApi('chooseImage', async (o) => {
      await privacy.require('chooseImage');
      const picked = await pick('image/*', num(o.count, 9));
      return {
        tempFilePaths: picked.map((item) => item.path),
        tempFiles: picked.map((item) => ({ path: item.path, size: item.file.size })),
      };
    }),
    getImageInfo: asyncApi('getImageInfo', async (o) => {
      const src = str(o.src);
      const size = await measure(displayUrl(src));
      const type = temporaryFile(src)?.type.replace('image/', '') ?? /\.(\w+)$/.exec(src)?.[1] ?? 'unknown';
      return { ...size, path: src, orientation: 'up', type: type === 'jpeg' ? 'jpg' : type };
    }),
    previewImage: asyncApi('previewImage', (o) => {
      const urls = Array.isArray(o.urls) ? o.urls.map((url) => str(url)) : [];
      const current = str(o.current) || urls[0];
      if (!current) throw new WxFail('parameter error: urls should not be empty');
      overlays.previewImage(displayUrl(current));
      return {};
    }),
  };
}
