/**
 * The five stages a filer goes through, as WeChat's filing guide describes them
 * (docs/domain.md § Stages and durations): shown on the home page and on the progress page.
 */
export interface FilingStage {
  title: string;
  duration: string;
  detail: string;
}

export const FILING_STAGES: readonly FilingStage[] = [
  {
    title: '填写备案信息',
    duration: '约 30 分钟',
    detail: '填写主体、负责人和小程序信息，上传证件与材料，完成负责人人脸核身。',
  },
  {
    title: '平台初审',
    duration: '1–2 个工作日',
    detail: '平台核对信息与材料，可能来电确认；结果会通过订阅消息通知你。',
  },
  {
    title: '工信部短信核验',
    duration: '24 小时内完成',
    detail: '初审通过后，12381 会向负责人手机发送短信，须在 24 小时内到工信部备案系统完成核验。',
  },
  {
    title: '通管局审核',
    duration: '1–20 个工作日',
    detail: '主体所在省份的通信管理局审核，法定时限为 20 个工作日。',
  },
  {
    title: '备案成功',
    duration: '—',
    detail: '取得备案号，须在小程序中展示；信息变化时及时办理变更。',
  },
];
