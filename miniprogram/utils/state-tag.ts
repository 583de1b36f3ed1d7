/**
 * The van-tag colour of each state, so a list reads at a glance: blue while someone else is
 * working on it, orange when the filer must act soon, red when it came back, green when filed.
 */
import type { FilingState } from '@beian/core';

export type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const TAG_TYPES: Record<FilingState, TagType> = {
  draft: 'default',
  pre_review: 'primary',
  pre_rejected: 'danger',
  face_verification: 'warning',
  sending: 'primary',
  platform_review: 'primary',
  platform_rejected: 'danger',
  sms_verification: 'warning',
  sms_timeout: 'danger',
  authority_review: 'primary',
  authority_rejected: 'danger',
  filed: 'success',
  withdrawn: 'default',
  cancelled: 'default',
};

export function stateTagType(state: FilingState): TagType {
  return TAG_TYPES[state];
}
