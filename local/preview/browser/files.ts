/**
 * Temporary files and cloud file ids. A picked file gets a WeChat-style temporary path
 * (`http://tmp/<name>.<ext>`, as DevTools names them) that the page stores and later uploads; the
 * runtime keeps the bytes. `<image src>` accepts such a path, a `cloud://` file id (read through
 * the local cloud's storage) or an ordinary URL, as on WeChat.
 */

const TEMP_PREFIX = 'http://tmp/';

const temporary = new Map<string, { file: Blob; url: string }>();

let cloudFileUrl = (fileId: string): string => fileId;

export function setCloudFileUrl(toUrl: (fileId: string) => string): void {
  cloudFileUrl = toUrl;
}

export function addTemporaryFile(file: Blob, name: string): string {
  const extension = /\.([a-zA-Z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? extensionOf(file.type);
  const id = Math.random().toString(36).slice(2, 12);
  const path = `${TEMP_PREFIX}${id}.${extension}`;
  temporary.set(path, { file, url: URL.createObjectURL(file) });
  return path;
}

export function temporaryFile(path: string): Blob | null {
  return temporary.get(path)?.file ?? null;
}

/** What an `<image src>` or `wx.previewImage` url means in the browser. */
export function displayUrl(src: string): string {
  if (src.startsWith(TEMP_PREFIX)) return temporary.get(src)?.url ?? '';
  if (src.startsWith('cloud://')) return cloudFileUrl(src);
  return src;
}

function extensionOf(mime: string): string {
  const known: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'application/pdf': 'pdf',
  };
  return known[mime] ?? 'bin';
}
