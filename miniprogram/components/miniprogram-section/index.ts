/**
 * 小程序信息: which mini-program (AppID and its name as registered — the filing cannot change
 * the name), what it does (service types, the remark reviewers rely on) and the pre-approvals its
 * content needs.
 */
Component({
  properties: {
    miniprogram: { type: Object, value: {} },
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
  },
});
