/**
 * The demo data's forms (`npm run seed`): the sample forms of sample-forms.ts, each demo
 * mini-program with its own files under its filer's own storage prefix.
 */
import type { FilingForm } from '@beian/core';
import { enterpriseSampleForm, personalSampleForm, type SampleMiniprogram } from './sample-forms';
import { FILE_ID_ROOT } from './storage';

/** What varies between the demo mini-programs of one subject. */
export interface DemoApp extends SampleMiniprogram {
  /** Names the demo's files (`<key>-id-front.png`). */
  key: string;
}

export function demoFileId(owner: string, key: string, name: string): string {
  return `${FILE_ID_ROOT}filings/${owner}/${key}-${name}.png`;
}

/** 个人 (subject type 5) in 北京市朝阳区: the filer is subject and mini-program principal. */
export function personalDemoForm(owner: string, app: DemoApp): FilingForm {
  return personalSampleForm((name) => demoFileId(owner, app.key, name), app);
}

/** 企业 (subject type 4) in 北京市海淀区: its legal representative and a colleague as principals. */
export function enterpriseDemoForm(owner: string, app: DemoApp): FilingForm {
  return enterpriseSampleForm((name) => demoFileId(owner, app.key, name), app);
}

/** Every stored-file id a form refers to, once each. */
export function fileIdsOf(form: FilingForm): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith(FILE_ID_ROOT)) ids.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(walk);
    }
  };
  walk(form);
  return [...ids];
}
