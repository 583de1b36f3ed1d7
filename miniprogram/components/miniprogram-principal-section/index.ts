import { emitFieldChange } from '../field-kit';

/**
 * 小程序负责人与人脸核身. By default the same person as the subject principal (always so for a
 * personal subject, usually for a small company): then only the face capture is left to do. The
 * principal must be the mini-program's administrator, who receives the official face task.
 */
Component({
  properties: {
    miniprogram: { type: Object, value: {} },
    subjectPrincipal: { type: Object, value: {} },
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
    /** `wechat`: WeChat's own face task replaces the photo capture (after Beian's pre-review). */
    channel: { type: String, value: 'manual' },
  },
  methods: {
    onSamePerson(event: { detail: boolean }) {
      emitFieldChange(this, 'miniprogram.principal.sameAsSubjectPrincipal', event.detail);
    },
  },
});
