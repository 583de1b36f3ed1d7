import { FACE_GUIDANCE, faceVerifier } from '../../services/face';
import { emitFieldChange } from '../field-kit';
import { formField } from '../form-field';

/**
 * 人脸核身 of the mini-program principal: the guide's advice first (most failed checks are a
 * background, a hat or bad light), then the verification `services/face` offers this account.
 */
Component({
  behaviors: [formField],
  properties: {
    value: { type: Object, value: {} },
    /** Who is verified: the mini-program principal's name and ID number. */
    name: { type: String, value: '' },
    idNumber: { type: String, value: '' },
  },
  data: {
    guidance: FACE_GUIDANCE,
    actionText: faceVerifier().actionText,
    busy: false,
    progress: 0,
    problem: '',
  },
  methods: {
    async onVerify() {
      if (this.data.busy) return;
      this.setData({ busy: true, progress: 0, problem: '' });
      const outcome = await faceVerifier().verify(
        { name: this.data.name, idNumber: this.data.idNumber },
        (percent) => this.setData({ progress: percent }),
      );
      this.setData({ busy: false });
      if (outcome.ok) emitFieldChange(this, this.data.path, outcome.verification);
      else if (!outcome.cancelled) this.setData({ problem: outcome.message });
    },
  },
});
