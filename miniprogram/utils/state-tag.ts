/**
 * The van-tag colour of each state, so a list reads at a glance: blue while someone else is
 * working on it, orange when the filer must act soon, red when it came back, green when filed.
 */
import { STATE_INFO, type FilingState } from '@beian/core';

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

/** A state as a list or a header shows it: its label on a tag of its colour. */
export interface StateTag {
  stateLabel: string;
  tagType: TagType;
}

export function stateTag(state: FilingState): StateTag {
  return { stateLabel: STATE_INFO[state].label, tagType: TAG_TYPES[state] };
}
