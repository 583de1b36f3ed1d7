import { isPersonalSubject } from '@beian/core';
import { emitFieldChange } from '../field-kit';
import { setChanged } from '../../utils/set-data';
import { formSection } from '../form-section';

/**
 * 小程序负责人与人脸核身. By default the same person as the subject principal (always so for a
 * personal subject, usually for a small company): then only the face capture is left to do. The
 * principal must be the mini-program's administrator, who receives the official face task.
 */
Component({
  behaviors: [formSection],
  properties: {
    miniprogram: { type: Object, value: {} },
    subjectPrincipal: { type: Object, value: {} },
    /** `wechat`: WeChat's own face task replaces the photo capture (after Beian's pre-review). */
    channel: { type: String, value: 'manual' },
    /** The subject's type: a personal filing has no legal representative to authorize anyone. */
    subjectType: { type: null, value: null },
  },
  data: { personal: false },
  observers: {
    // Only another person than the subject principal is asked about a letter: for the same
    // person the answer is never shown, and a step change costs the section no setData.
    'subjectType, miniprogram.principal.sameAsSubjectPrincipal': function (type: unknown, same: unknown) {
      if (same === false) setChanged(this, { personal: isPersonalSubject(type) });
    },
  },
  methods: {
    onSamePerson(event: { detail: boolean }) {
      emitFieldChange(this, 'miniprogram.principal.sameAsSubjectPrincipal', event.detail);
    },
    onLegalRepresentative(event: { detail: boolean }) {
      emitFieldChange(this, 'miniprogram.principal.isLegalRepresentative', event.detail);
    },
  },
});
