/**
 * A multipart/form-data body (RFC 7578), as `upload_icp_media` receives it: text fields and one
 * file part. Small and strict on purpose — a body a real client would never send is refused rather
 * than guessed at — so the emulator needs no parser dependency.
 */

export interface FilePart {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface FormData {
  fields: Record<string, string>;
  files: Record<string, FilePart>;
}

export class MultipartError extends Error {
  constructor(problem: string) {
    super(`multipart/form-data 格式不正确：${problem}`);
    this.name = 'MultipartError';
  }
}

/** The boundary of a `multipart/form-data; boundary=…` header, or null for another type. */
export function boundaryOf(contentType: string | undefined): string | null {
  const [type, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  if (type?.toLowerCase() !== 'multipart/form-data') return null;
  for (const parameter of parameters) {
    const match = /^boundary=(?:"([^"]+)"|([^\s;]+))$/i.exec(parameter);
    if (match) return match[1] ?? match[2] ?? null;
  }
  return null;
}

export function parseMultipart(body: Buffer, boundary: string): FormData {
  const delimiter = Buffer.from(`--${boundary}`);
  const form: FormData = { fields: {}, files: {} };
  let start = body.indexOf(delimiter);
  if (start < 0) throw new MultipartError('找不到分隔符');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return form;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), afterDelimiter);
    if (next < 0) throw new MultipartError('缺少结束分隔符');
    addPart(form, body.subarray(afterDelimiter + 2, next));
    start = next + 2;
  }
}

function addPart(form: FormData, part: Buffer): void {
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new MultipartError('分段缺少头部');
  const headers = parseHeaders(part.subarray(0, headerEnd).toString('utf8'));
  const content = part.subarray(headerEnd + 4);
  const disposition = headers['content-disposition'] ?? '';
  const name = parameter(disposition, 'name');
  if (!/^form-data\b/i.test(disposition) || name === null) {
    throw new MultipartError('分段缺少 Content-Disposition: form-data; name=…');
  }
  const filename = parameter(disposition, 'filename');
  if (filename === null) {
    form.fields[name] = content.toString('utf8');
    return;
  }
  form.files[name] = {
    filename,
    contentType: headers['content-type'] ?? 'application/octet-stream',
    bytes: Buffer.from(content),
  };
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`分段头部不正确：${line}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** A `name="value"` parameter of a header (quoted, as browsers and SDKs send it, or bare). */
function parameter(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '');
}
