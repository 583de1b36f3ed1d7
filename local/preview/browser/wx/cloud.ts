/**
 * `wx.cloud` against the local cloud: `callFunction` posts `{ event, context: { openid } }` to
 * `/functions/<name>` as the chosen WeChat user, `uploadFile` sends the picked file's bytes to the
 * local storage. Failures read like the real SDK's (`cloud.callFunction:fail …`).
 */
import { temporaryFile } from '../files';
import type { PreviewConfig } from '../protocol';
import { track } from '../activity';
import { asyncApi, deliver, str, WxFail, type Options } from './api';

export function cloudApis(config: PreviewConfig, openid: string): Record<string, unknown> {
  let initialised = false;
  const requireInit = (name: string): void => {
    // The real SDK refuses calls before wx.cloud.init (app.ts calls it in onLaunch).
    if (!initialised) throw new WxFail(`${name} must be called after wx.cloud.init`);
  };
  return {
    init: () => {
      initialised = true;
    },
    callFunction: asyncApi('cloud.callFunction', async (o) => {
      requireInit('callFunction');
      const name = str(o.name);
      const response = await fetch(`/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: o.data ?? {}, context: { openid } }),
      }).catch(() => {
        throw new WxFail('-404011 cloud function execution error: the local cloud is not reachable', -404011);
      });
      if (response.status === 404) {
        throw new WxFail(`-501000 FunctionName parameter could not be found: ${name}`, -501000);
      }
      const result = (await response.json()) as unknown;
      return { result, requestID: crypto.randomUUID() };
    }),
    uploadFile: (options: Options = {}) => {
      requireInit('uploadFile');
      return uploadTask(config, openid, options);
    },
  };
}

type ProgressListener = (progress: {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}) => void;

/**
 * `wx.cloud.uploadFile`: with callbacks it returns an UploadTask (progress, abort), without them a
 * promise — both as WeChat does. The bytes go to the local storage with the caller's openid.
 */
function uploadTask(config: PreviewConfig, openid: string, options: Options): unknown {
  const listeners = new Set<ProgressListener>();
  const request = new XMLHttpRequest();
  const done = track(
    new Promise<{ fileID: string; statusCode: number; errMsg: string }>((resolve, reject) => {
      const fail = (reason: string, errCode: number): void =>
        reject({ errMsg: `cloud.uploadFile:fail ${errCode} ${reason}`, errCode });
      const file = temporaryFile(str(options.filePath));
      if (!file) return fail(`file not found: ${str(options.filePath)}`, -404001);
      const cloudPath = str(options.cloudPath);
      request.open(
        'POST',
        `${config.uploadPath}?cloudPath=${encodeURIComponent(cloudPath)}&openid=${encodeURIComponent(openid)}`,
      );
      request.setRequestHeader('content-type', file.type || 'application/octet-stream');
      request.setRequestHeader('x-wx-openid', openid);
      request.upload.onprogress = (event) => {
        const total = event.lengthComputable ? event.total : file.size;
        const progress = {
          progress: Math.round((event.loaded / total) * 100),
          totalBytesSent: event.loaded,
          totalBytesExpectedToSend: total,
        };
        for (const listener of listeners) listener(progress);
      };
      request.onerror = () => fail('the local cloud is not reachable', -404011);
      request.onabort = () => fail('abort', -404012);
      request.onload = () => {
        const answer = parseJson(request.responseText) as {
          fileID?: string;
          statusCode?: number;
          error?: { message?: string };
        };
        if (request.status !== 200 || !answer.fileID) {
          return fail(answer.error?.message ?? `upload refused (${request.status})`, -503003);
        }
        resolve({
          fileID: answer.fileID,
          statusCode: answer.statusCode ?? 200,
          errMsg: 'cloud.uploadFile:ok',
        });
      };
      request.send(file);
    }),
  );
  if (!options.success && !options.fail && !options.complete) return done;
  deliver(done, options);
  return {
    onProgressUpdate: (listener: ProgressListener) => listeners.add(listener),
    offProgressUpdate: (listener: ProgressListener) => listeners.delete(listener),
    onHeadersReceived: () => undefined,
    offHeadersReceived: () => undefined,
    abort: () => request.abort(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
