/**
 * Complete, valid filings for the bench (local/sample-forms.ts), with file ids under the filer's
 * own prefix so the server accepts them in a save. Every rule passes, so `check()` walks them all
 * instead of stopping at the first missing section.
 */
import type { FilingForm } from '@beian/core';
import { enterpriseSampleForm, personalSampleForm } from '../local/sample-forms';

export const FILER = 'o-bench-filer';

const file = (owner: string, name: string) => `cloud://env-bench.7465-env-bench/filings/${owner}/${name}.jpg`;

/** 个人 (subject type 5) in 北京市朝阳区: the filer is subject and mini-program principal. */
export function personalForm(owner = FILER): FilingForm {
  return personalSampleForm((name) => file(owner, name));
}

/** 企业 (subject type 4) in 北京市海淀区, with a colleague as mini-program principal. */
export function enterpriseForm(owner = FILER): FilingForm {
  return enterpriseSampleForm((name) => file(owner, name));
}
