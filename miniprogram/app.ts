App<IAppOption>({
  globalData: {},
  onLaunch() {
    // wx.cloud exists only in base library ≥ 2.2.3; services/ reports its absence where it is used.
    if (wx.cloud) wx.cloud.init({ traceUser: true });
  },
});
