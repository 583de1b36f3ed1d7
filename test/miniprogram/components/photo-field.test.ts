import 'miniprogram-simulate';
import { fakeCloud, type FakeCloud } from '../../helpers/cloud';
import { render, sleep } from '../../helpers/simulate';
import { OPENID, SERVER_TEMPLATE_IDS, triggered } from './helpers';

type Rendered = ReturnType<typeof render>;

interface UploadOptions {
  cloudPath: string;
  filePath: string;
  success?: (result: { fileID: string; statusCode: number; errMsg: string }) => void;
}

/**
 * wx.cloud.uploadFile as WeChat runs it with callbacks: an UploadTask that reports progress, then
 * success. (The shared fake answers only the promise form.)
 */
function uploadsWithProgress(cloud: FakeCloud): jest.Mock {
  const upload = jest.fn((options: UploadOptions) => {
    let report: ((update: { progress: number }) => void) | null = null;
    setTimeout(() => {
      report?.({ progress: 40 });
      report?.({ progress: 100 });
      cloud.uploads.push({ cloudPath: options.cloudPath, filePath: options.filePath });
      options.success?.({ fileID: `cloud://test-env/${options.cloudPath}`, statusCode: 200, errMsg: 'ok' });
    }, 0);
    return { onProgressUpdate: (callback: (update: { progress: number }) => void) => (report = callback) };
  });
  (wx.cloud as unknown as { uploadFile: jest.Mock }).uploadFile = upload;
  return upload;
}

function picks(path: string, size: number) {
  jest.spyOn(wx, 'chooseMedia').mockImplementation(((options: { success?: (result: unknown) => void }) => {
    setTimeout(
      () =>
        options.success?.({ tempFiles: [{ tempFilePath: path, size, fileType: 'image' }], type: 'image' }),
      0,
    );
  }) as unknown as typeof wx.chooseMedia);
}

function imageIs(width: number, height: number, type = 'jpeg') {
  jest.spyOn(wx, 'getImageInfo').mockImplementation(((options: { success?: (result: unknown) => void }) => {
    setTimeout(
      () => options.success?.({ width, height, type, path: '', orientation: 'up', errMsg: 'ok' }),
      0,
    );
  }) as unknown as typeof wx.getImageInfo);
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i += 1) await sleep(0);
}

function photoField(properties: Record<string, unknown> = {}): { field: Rendered; changes: () => unknown[] } {
  const field = render('components/photo-field/index', {
    path: 'subject.certificate.photo',
    label: '主体证件照片',
    kind: 'document',
    value: '',
    ...properties,
  });
  const events = triggered(field);
  return { field, changes: () => events('fieldchange') };
}

async function pickPhoto(field: Rendered): Promise<void> {
  const upload = field.querySelector('.photo-field >>> .van-uploader__upload');
  if (!upload) throw new Error('no upload button');
  upload.dispatchEvent('tap');
  await settle();
}

/** A photo as the filer picks it: its name and size, and what the image really is. */
interface Photo {
  path: string;
  size: number;
  width: number;
  height: number;
  type?: string;
}

/** A new field, with `photo` picked into it. */
async function picked(photo: Photo): Promise<{ field: Rendered; changes: () => unknown[] }> {
  picks(photo.path, photo.size);
  imageIs(photo.width, photo.height, photo.type);
  const shown = photoField();
  await pickPhoto(shown.field);
  return shown;
}

describe('photo-field', () => {
  let cloud: FakeCloud;
  let upload: jest.Mock;

  beforeEach(() => {
    cloud = fakeCloud({
      filing: {
        'session.get': () => ({
          ok: true,
          data: { openid: OPENID, role: 'filer', name: null, templateIds: SERVER_TEMPLATE_IDS },
        }),
        'file.register': ({ fileId }) => ({ ok: true, data: { fileId } }),
      },
    });
    upload = uploadsWithProgress(cloud);
  });
  afterEach(() => jest.restoreAllMocks());

  it('says what a photo must be before anything is picked', () => {
    const { field } = photoField();
    expect(field.dom?.textContent).toContain('不小于 1500×1100');
    expect(field.dom?.textContent).toContain('JPG/PNG');
  });

  it.each([
    {
      name: 'refuses a GIF before uploading',
      photo: { path: 'http://tmp/licence.gif', size: 120_000, width: 2000, height: 1500, type: 'gif' },
      says: '只能上传 JPG 或 PNG 图片，这张是 GIF 格式',
    },
    {
      name: 'refuses an oversize image before uploading',
      photo: { path: 'http://tmp/licence.jpg', size: 5 * 1024 * 1024, width: 4000, height: 3000 },
      says: '图片有 5.0 MB，超过 2.0 MB',
    },
  ])('$name', async ({ photo, says }) => {
    const { field, changes } = await picked(photo);
    expect(field.dom?.textContent).toContain(says);
    expect(upload).not.toHaveBeenCalled();
    expect(changes()).toEqual([]);
  });

  it.each([
    {
      name: 'refuses a GIF whose name says JPG, by what the image really is',
      photo: { path: 'http://tmp/renamed.jpg', size: 120_000, width: 2000, height: 1500, type: 'gif' },
      says: '这张是 GIF 格式',
    },
    {
      name: 'refuses a photo too small for reviewers to read',
      photo: { path: 'http://tmp/licence.jpg', size: 300_000, width: 800, height: 600 },
      says: '分辨率 800×600 太低，至少需要 1500×1100',
    },
  ])('$name', async ({ photo, says }) => {
    const { field } = await picked(photo);
    expect(field.dom?.textContent).toContain(says);
    expect(upload).not.toHaveBeenCalled();
  });

  it("uploads a good photo under the filer's own prefix, shows it, and sends its file id", async () => {
    picks('http://tmp/licence.png', 300_000);
    imageIs(2000, 1500, 'png');
    const { field, changes } = photoField();
    const setData = jest.spyOn(field.instance, 'setData');
    await pickPhoto(field);
    // Progress is shown on the preview while the upload runs.
    const messages = setData.mock.calls.flatMap(([payload]) =>
      Object.entries(payload as Record<string, unknown>)
        .filter(([key]) => key.endsWith('.message'))
        .map(([, value]) => value),
    );
    expect(messages).toEqual(['40%', '100%']);
    expect(cloud.uploads).toHaveLength(1);
    expect(cloud.uploads[0]?.cloudPath).toMatch(/^filings\/o-filer-a\/[0-9a-f]{32}\.png$/);
    expect(changes()).toEqual([
      {
        path: 'subject.certificate.photo',
        value: `cloud://test-env/${cloud.uploads[0]?.cloudPath}`,
        settled: true,
      },
    ]);
    // Vant shows only what is pushed into its list: the preview is there.
    expect(field.querySelectorAll('.photo-field >>> .van-uploader__preview')).toHaveLength(1);
    // Registered for its field, so the server lets the form hold it.
    expect(cloud.callsOf('filing', 'file.register')).toEqual([
      { fileId: `cloud://test-env/${cloud.uploads[0]?.cloudPath}`, field: 'subject.certificate.photo' },
    ]);
  });

  it('counts an upload the server does not register as failed, and keeps it out of the form', async () => {
    cloud.answer({
      filing: {
        'file.register': () => ({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: '找不到这个文件',
            fields: [
              {
                path: 'subject.certificate.photo',
                code: 'file.missing',
                message: '找不到这个文件，请重新上传。',
              },
            ],
          },
        }),
      },
    });
    picks('http://tmp/licence.png', 300_000);
    imageIs(2000, 1500, 'png');
    const { field, changes } = photoField();
    await pickPhoto(field);
    expect(cloud.uploads).toHaveLength(1);
    expect(field.dom?.textContent).toContain('找不到这个文件，请重新上传。');
    expect(changes()).toEqual([]);
  });

  it('delete removes the saved photo', async () => {
    const saved = 'cloud://test-env/filings/o-filer-a/0123456789abcdef0123456789abcdef.jpg';
    const { field, changes } = photoField({ value: saved });
    expect(field.querySelectorAll('.photo-field >>> .van-uploader__preview')).toHaveLength(1);
    field.querySelector('.photo-field >>> .van-uploader__preview-delete')?.dispatchEvent('tap');
    await settle();
    expect(changes()).toEqual([{ path: 'subject.certificate.photo', value: '', settled: true }]);
    expect(field.querySelectorAll('.photo-field >>> .van-uploader__preview')).toHaveLength(0);
  });
});
