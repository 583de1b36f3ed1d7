import { FILING_STAGES } from '@beian/core';
import { loadSession } from '../../services/session';
import { MATERIALS, PHOTO_TIPS, REGULATIONS } from './guide';

/**
 * 首页: what filing is and why it is required, the five stages and their durations, what to
 * prepare, and the ways in — 去备案, 我的备案, and for reviewers the 审核台.
 */
Component({
  data: {
    steps: FILING_STAGES.map((stage) => ({ text: stage.title, desc: stage.duration })),
    stages: FILING_STAGES,
    regulations: REGULATIONS,
    materials: MATERIALS,
    photoTips: PHOTO_TIPS,
    isAdmin: false,
  },
  methods: {
    onLoad(): void {
      // Only decides whether the admin entry shows; without a session the page is the same.
      void loadSession().then((session) => {
        if (session?.role === 'admin') this.setData({ isAdmin: true });
      });
    },
    onStartFiling() {
      void wx.navigateTo({ url: '/pages/filing-kind/index' });
    },
    onMyFilings(): void {
      void wx.navigateTo({ url: '/pages/filings/index' });
    },
    onAdmin(): void {
      void wx.navigateTo({ url: '/admin/queue/index' });
    },
  },
});
