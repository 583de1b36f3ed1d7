/**
 * The application as a reviewer reads it: every section of the form, each field under its Chinese
 * label, enumeration ids turned into names, region codes into places, ID numbers in full (this is
 * the one place they are shown unmasked), and photos through the short-lived URLs the server gave.
 * Names come from WeChat's current tables (services/tables.ts), which the checks used too.
 */
import {
  FIELD_SPECS,
  FORM_SECTIONS,
  SECTION_LABELS,
  concretePaths,
  fieldLabel,
  readPath,
  type FieldSpec,
  type FileId,
  type FilingForm,
  type FormSection,
} from '@beian/core';
import { currentLookup } from '../../services/tables';
import { beijingDateTime } from '../../utils/time';
import type { FieldOption } from '../components/reason-form/draft';

export interface ImageView {
  fileId: string;
  /** '' when the server gave no URL (a file it could not find): the page says so. */
  url: string;
  /** The commitment video plays in the media previewer instead of showing as a picture. */
  video: boolean;
}

const VIDEO_FIELDS: readonly string[] = ['materials.promiseVideo'];

export interface FieldRowView {
  path: string;
  label: string;
  value: string;
  images: ImageView[];
  empty: boolean;
}

export interface SectionView {
  section: FormSection;
  title: string;
  rows: FieldRowView[];
}

const FACE_METHODS: Record<string, string> = {
  photo: '现场拍照（由审核员核对）',
  wechat: '微信人脸核身',
};

function enumName(spec: FieldSpec, value: unknown): string {
  const lookup = currentLookup();
  if (spec.enumeration === 'subjectType') return lookup.subjectTypeName(value);
  if (spec.enumeration === 'certificateType') return lookup.certificateTypeName(value);
  if (spec.enumeration === 'preApprovalType') return lookup.preApprovalTypeName(value);
  return '';
}

function textValue(path: string, value: string): string {
  if (path.startsWith('subject.region.')) {
    const name = currentLookup().regionName(value);
    return name ? `${name}（${value}）` : value;
  }
  if (path.endsWith('faceVerification.method')) return FACE_METHODS[value] ?? value;
  if (path.endsWith('faceVerification.completedAt')) return beijingDateTime(value) || value;
  return value;
}

/** The readable value of a non-file field; '' when nothing was filled in. */
export function displayValue(path: string, spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (spec.kind) {
    case 'enum':
      return enumName(spec, value) || `未知类型（${String(value)}）`;
    case 'boolean':
      return value === true ? '是' : '否';
    case 'numbers':
      return Array.isArray(value)
        ? value.map((id) => currentLookup().serviceTypeName(id) || `未知类型（${String(id)}）`).join('、')
        : '';
    case 'file':
    case 'files':
      return '';
    default:
      return typeof value === 'string' ? textValue(path, value) : String(value);
  }
}

function imagesOf(
  path: string,
  spec: FieldSpec,
  value: unknown,
  media: Readonly<Record<FileId, string>>,
): ImageView[] {
  const ids = spec.kind === 'file' ? [value] : spec.kind === 'files' && Array.isArray(value) ? value : [];
  const video = VIDEO_FIELDS.includes(path);
  return ids
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .map((fileId) => ({ fileId, url: media[fileId] ?? '', video }));
}

function rowOf(
  path: string,
  spec: FieldSpec,
  form: FilingForm,
  media: Readonly<Record<FileId, string>>,
): FieldRowView {
  const value = readPath(form, path);
  const images = imagesOf(path, spec, value, media);
  const text = displayValue(path, spec, value);
  return {
    path,
    label: fieldLabel(path) || spec.label,
    value: text,
    images,
    empty: text === '' && images.length === 0,
  };
}

export function reviewSections(form: FilingForm, media: Readonly<Record<FileId, string>>): SectionView[] {
  const specs = Object.entries(FIELD_SPECS);
  return FORM_SECTIONS.map((section) => ({
    section,
    title: SECTION_LABELS[section],
    rows: specs
      .filter(([, spec]) => spec.section === section)
      .flatMap(([pattern, spec]) =>
        concretePaths(form, pattern).map((path) => rowOf(path, spec, form, media)),
      ),
  }));
}

/** Every photo URL in reading order, for swiping through them in the previewer. */
export function imageUrls(sections: readonly SectionView[]): string[] {
  return sections
    .flatMap((section) => section.rows.flatMap((row) => row.images))
    .filter((image) => image.url !== '' && !image.video)
    .map((image) => image.url);
}

/** What the reject form lets a reviewer pick: every field by its label, in form order. */
export function fieldOptions(form: FilingForm): FieldOption[] {
  const specs = Object.entries(FIELD_SPECS);
  return FORM_SECTIONS.flatMap((section) =>
    specs
      .filter(([, spec]) => spec.section === section)
      .flatMap(([pattern]) => concretePaths(form, pattern, true))
      .map((path) => ({ path, label: fieldLabel(path) })),
  ).filter((option) => option.label !== '');
}
