/**
 * What the home page says about filing: why it is required (the regulations, quoted only where the
 * article text could be sourced) and what to prepare. Content, not rules: the checks themselves
 * live in @beian/core.
 *
 * Sources (checked when written):
 * - 《互联网信息服务管理办法》(国务院令第292号) 第四条、第五条: as quoted by provincial service
 *   guides and filing vendors (e.g. anspan.cn news, uianet.net), as in docs/domain.md § Business scope and pre-approvals.
 * - 《非经营性互联网信息服务备案管理办法》(信息产业部令第33号) 第五条、第十一条: the published
 *   order (zjnews.zjol.com.cn 2005-07-25; edong.com excerpt); 第十二条 in the wording of
 *   docs/domain.md § Stages and durations (ghyun.com.cn), given as its substance, not quoted.
 * - 《工业和信息化部关于开展移动互联网应用程序备案工作的通知》(2023-08): the general requirement
 *   and the display of the number, as reproduced by access providers and provincial communications
 *   administrations (wan-qi.cn, baotounews.com.cn). The notice is organised in sections, not
 *   articles, so none is numbered here.
 * - Materials: docs/domain.md § The form, § Photos and letters, § Face verification.
 */

export interface Article {
  /** 第四条, or the notice's section. */
  clause: string;
  text: string;
  /** True when `text` is the article's wording; false for a faithful summary. */
  quoted: boolean;
}

export interface Regulation {
  title: string;
  issuer: string;
  articles: Article[];
}

export const REGULATIONS: readonly Regulation[] = [
  {
    title: '《互联网信息服务管理办法》',
    issuer: '国务院令第292号',
    articles: [
      {
        clause: '第四条',
        quoted: true,
        text: '国家对经营性互联网信息服务实行许可制度；对非经营性互联网信息服务实行备案制度。未取得许可或者未履行备案手续的，不得从事互联网信息服务。',
      },
      {
        clause: '第五条',
        quoted: true,
        text: '从事新闻、出版、教育、医疗保健、药品和医疗器械等互联网信息服务，依照法律、行政法规以及国家有关规定须经有关主管部门审核同意的，在申请经营许可或者履行备案手续前，应当依法经有关主管部门审核同意。',
      },
    ],
  },
  {
    title: '《非经营性互联网信息服务备案管理办法》',
    issuer: '信息产业部令第33号',
    articles: [
      {
        clause: '第五条',
        quoted: true,
        text: '在中华人民共和国境内提供非经营性互联网信息服务，应当依法履行备案手续。未经备案，不得在中华人民共和国境内从事非经营性互联网信息服务。',
      },
      {
        clause: '第十一条',
        quoted: false,
        text: '涉及新闻、出版、教育、医疗保健、药品和医疗器械、文化、广播电影电视节目等须经主管部门审核同意的服务，备案时还应提交主管部门审核同意的文件（即“前置审批”）。',
      },
      {
        clause: '第十二条',
        quoted: false,
        text: '省通信管理局收到备案材料后，材料齐全的，在二十个工作日内予以备案；不齐全的，不予备案，并在二十个工作日内通知备案人、说明理由。',
      },
    ],
  },
  {
    title: '《工业和信息化部关于开展移动互联网应用程序备案工作的通知》',
    issuer: '工业和信息化部，2023年8月',
    articles: [
      {
        clause: '总体要求',
        quoted: true,
        text: '在中华人民共和国境内从事互联网信息服务的APP主办者，应当依照《中华人民共和国反电信网络诈骗法》《互联网信息服务管理办法》等规定履行备案手续，未履行备案手续的，不得从事APP互联网信息服务。',
      },
      {
        clause: '适用范围',
        quoted: false,
        text: '通知所称APP包括小程序、快应用；微信小程序通过微信公众平台办理备案。',
      },
      {
        clause: '备案编号',
        quoted: true,
        text: 'APP主办者应在显著位置标注其备案编号，并在备案编号下方按要求链接备案系统网址。',
      },
    ],
  },
];

export interface MaterialGroup {
  title: string;
  who: string;
  items: string[];
}

export const MATERIALS: readonly MaterialGroup[] = [
  {
    title: '个人主体',
    who: '以个人身份注册的小程序',
    items: [
      '本人居民身份证（或护照、港澳台通行证/居住证、外国人永久居留身份证）正反面彩色照片',
      '证件有效期：自提交起须超过 3 个月（宁夏 6 个月）',
      '本人常用手机号、电子邮箱，以及一个不同于本人手机号的应急联系电话',
      '户籍不在备案省份的：居住证、暂住证或社保证明等居住证明',
      '小程序负责人（默认即本人，须为小程序管理员）的人脸核身照片',
      '小程序备注：如实描述主要服务，20–200 字',
      '涉及新闻、出版、医疗、药品等前置审批的：审批文件扫描件及审批号',
    ],
  },
  {
    title: '企业、事业单位等非个人主体',
    who: '企业、个体工商户、政府机关、事业单位、社会团体等',
    items: [
      '主体证件（如营业执照、事业单位法人证书）彩色照片，名称须与小程序主体一致，证件住所按证件原文填写',
      '主体负责人证件正反面彩色照片；负责人通常为法定代表人',
      '负责人不是法定代表人时：法定代表人姓名和证件号，以及授权书（签署日期在提交前 1 个月内）',
      '小程序负责人（须为小程序管理员）证件正反面照片和人脸核身照片；与主体负责人不是同一人时，两人手机号、邮箱须不同',
      '每位负责人的手机号、电子邮箱和不同于本人手机号的应急联系电话',
      '涉及前置审批的：审批文件扫描件及审批号',
      '所在省份要求的其他材料，如承诺书、主体更名函、小程序建设方案书',
    ],
  },
];

/** Applies to every photo, whatever the subject. */
export const PHOTO_TIPS: readonly string[] = [
  '仅支持 JPG、PNG 格式，需原件拍摄或彩色扫描，四角完整',
  '不接受复印件、黑白扫描件、翻拍屏幕或电子证照',
  '人脸核身：白色或浅色背景，表情自然、睁眼，面部无遮挡，不戴帽子、口罩和耳机',
];
