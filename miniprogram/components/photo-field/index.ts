import { checkPhoto, PHOTO_RULES, uploadPhoto, type PhotoKind } from '../../services/uploads';
import { emitFieldChange } from '../field-kit';
import { labelledField } from '../form-field';
import { setChanged } from '../../utils/set-data';

/**
 * A photo (or a few) at a form path: van-uploader with the checks before upload, progress while
 * uploading, preview and delete. Vant's uploader shows only what is pushed into `fileList`, and
 * deletes nothing by itself, so both are done here. The value is one file id (`multiple` false)
 * or a list of them (`multiple` true, e.g. 其他材料).
 */

interface UploaderItem {
  url: string;
  isImage: true;
  status: 'uploading' | 'done' | 'failed';
  message: string;
  /** The stored file id once uploaded; '' while uploading. */
  fileId: string;
}

/** The file van-uploader hands over in `after-read` (image accept: from wx.chooseMedia). */
interface ReadFile {
  url: string;
  size: number;
}

/**
 * The local copy of each photo uploaded in this session, so the preview does not download again
 * what is already on the phone. Saved drafts show their `cloud://` ids, which <image> displays.
 */
const localCopies = new Map<string, string>();

function doneItem(fileId: string): UploaderItem {
  return { url: localCopies.get(fileId) ?? fileId, isImage: true, status: 'done', message: '', fileId };
}

function valueFiles(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((id): id is string => typeof id === 'string' && id !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

Component({
  behaviors: [labelledField],
  properties: {
    /** A file id, or an array of them when `multiple`. */
    value: { type: null, value: '' },
    multiple: { type: Boolean, value: false },
    maxCount: { type: Number, value: 1 },
    kind: { type: String, value: 'document' },
    disabled: { type: Boolean, value: false },
  },
  data: {
    fileList: [] as UploaderItem[],
    /**
     * What most photo fields show (the default kind's): the nine letters of the summary then
     * attach with nothing to send.
     */
    hint: PHOTO_RULES.document.hint,
    /** Why the last picked photo was refused, shown until the next pick. */
    refusal: '',
    /** A constant, not a literal in the WXML: a new array on every render would be set again. */
    sizeType: ['original', 'compressed'],
  },
  observers: {
    // One observer for both, so a photo field costs one setData when it attaches.
    'kind, value': function (kind: string, value: unknown) {
      // Uploads still running stay in the list; everything else mirrors the saved value.
      const uploading = this.data.fileList.filter((item) => item.status === 'uploading');
      setChanged(this, {
        hint: PHOTO_RULES[kind as PhotoKind].hint,
        fileList: [...valueFiles(value).map(doneItem), ...uploading],
      });
    },
  },
  methods: {
    async onAfterRead(event: { detail: { file: ReadFile | ReadFile[] } }) {
      const files = Array.isArray(event.detail.file) ? event.detail.file : [event.detail.file];
      this.setData({ refusal: '' });
      for (const file of files) await this.take(file);
    },

    async take(file: ReadFile) {
      const picked = { path: file.url, size: file.size };
      const refusal = await checkPhoto(picked, PHOTO_RULES[this.data.kind as PhotoKind]);
      if (refusal) {
        this.setData({ refusal });
        return;
      }
      const position = this.data.fileList.length;
      const item: UploaderItem = {
        url: file.url,
        isImage: true,
        status: 'uploading',
        message: '0%',
        fileId: '',
      };
      this.setData({ [`fileList[${position}]`]: item });
      const outcome = await uploadPhoto(picked, this.data.path, (percent) => {
        const index = this.data.fileList.findIndex((entry) => entry.url === file.url);
        if (index >= 0) this.setData({ [`fileList[${index}].message`]: `${percent}%` });
      });
      const index = this.data.fileList.findIndex((entry) => entry.url === file.url);
      if (!outcome.ok) {
        if (index >= 0)
          this.setData({ [`fileList[${index}]`]: { ...item, status: 'failed', message: '上传失败' } });
        this.setData({ refusal: outcome.message });
        return;
      }
      localCopies.set(outcome.fileId, file.url);
      if (index >= 0) this.setData({ [`fileList[${index}]`]: doneItem(outcome.fileId) });
      this.emitFiles([...valueFiles(this.data.value), outcome.fileId]);
    },

    onDelete(event: { detail: { index: number } }) {
      const removed = this.data.fileList[event.detail.index];
      if (!removed) return;
      this.setData({ fileList: this.data.fileList.filter((_, i) => i !== event.detail.index), refusal: '' });
      if (removed.fileId) this.emitFiles(valueFiles(this.data.value).filter((id) => id !== removed.fileId));
    },

    emitFiles(fileIds: string[]) {
      const value = this.data.multiple ? fileIds : (fileIds[fileIds.length - 1] ?? '');
      emitFieldChange(this, this.data.path, value);
    },
  },
});
