/**
 * The privacy sheet: shown when WeChat holds a privacy API until the user agrees (see
 * services/privacy.ts). The agree button is WeChat's own `open-type="agreePrivacyAuthorization"`,
 * which is what records the consent; the sheet then lets the held call continue. Every page that
 * calls a privacy API carries one; sheets of pages further down the stack follow the same request.
 */
import {
  AGREE_BUTTON_ID,
  answerPrivacy,
  onPrivacyRequest,
  openPrivacyContract,
} from '../../services/privacy';
import { instanceState } from '../../utils/page-load';

/** Each sheet's way to stop following the held request, for when it leaves the page. */
const local = instanceState<{ unsubscribe?: () => void }>(() => ({}));

Component({
  data: { show: false, agreeId: AGREE_BUTTON_ID },
  lifetimes: {
    attached() {
      local(this).unsubscribe = onPrivacyRequest((asking) => this.setData({ show: asking }));
    },
    detached() {
      local(this).unsubscribe?.();
      local(this).unsubscribe = undefined;
    },
  },
  methods: {
    onOpenContract() {
      openPrivacyContract();
    },
    onAgree() {
      answerPrivacy('agree');
    },
    onDisagree() {
      answerPrivacy('disagree');
    },
  },
});
