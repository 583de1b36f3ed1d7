import { FILING_STAGES } from '@beian/core';

/** 首页: what filing is, the five stages and their durations, and the way in. */
Component({
  data: {
    steps: FILING_STAGES.map((stage) => ({ text: stage.title, desc: stage.duration })),
    stages: FILING_STAGES,
  },
  methods: {
    onStartFiling() {
      void wx.navigateTo({ url: '/pages/filing-kind/index' });
    },
  },
});
