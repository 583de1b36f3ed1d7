/**
 * The channel a filing will take, shown on the summary: filed through WeChat by Beian when the
 * mini-program has authorized Beian's third-party platform; otherwise the authorization links for
 * its administrator, as text to copy (a mini-program cannot open an external page). Shows nothing
 * where the deployment is not a platform: the manual channel is the usual one there.
 */
import type { PlatformAuthorization } from '@beian/core';
import { platformAuthorization } from '../../services/platform';

const APPID = /^wx[0-9a-f]{16}$/;

type Links = PlatformAuthorization['links'];

Component({
  properties: {
    appid: { type: String, value: '' },
  },
  data: { status: '', message: '', links: null as Links },
  observers: {
    appid(appid: string) {
      if (!APPID.test(appid)) {
        this.setData({ status: '', message: '', links: null });
        return;
      }
      void platformAuthorization(appid).then((answer) => {
        // A late answer for an appid the filer has changed since is dropped.
        if (answer === null || this.data.appid !== appid) return;
        this.setData({
          status: answer.status === 'unavailable' ? '' : answer.status,
          message: answer.message,
          links: answer.links,
        });
      });
    },
  },
  methods: {
    onCopy(event: { currentTarget: { dataset: { which?: string } } }) {
      const links = this.data.links;
      if (!links) return;
      const data = event.currentTarget.dataset.which === 'computer' ? links.link : links.mobileLink;
      void wx.setClipboardData({ data });
    },
  },
});
