/**
 * Pre-checks for the public rejection reasons (docs/domain.md § Common rejection reasons): warnings, because each is a
 * likely rejection rather than a certain one, and each says how to avoid it.
 */
import { SUBJECT_TYPE, isPersonalSubject } from '../data/enums';
import { provinceRules } from '../data/provinces';
import { regionName } from '../data/regions';
import type { RuleContext } from './findings';
import { preApprovalHints, type PreApprovalHint } from './keywords';
import { leadingProvince } from './text';
import { isUscc, usccFitsSubjectType, usccProvincePrefix } from './uscc';

const PLACEHOLDER = /测试|test|demo|暂无|待定|随便|无内容|aaa|123456/i;
const PUNCTUATION = /[\s，。、；：！？,.;:!?“”"'（）()《》\-—…·]/g;
const SERVICE_WORDS =
  /提供|用于|功能|服务|查询|预约|预订|购买|销售|下单|记录|管理|展示|介绍|发布|浏览|报名|咨询|学习|工具|计算|统计|阅读|点餐|办理|在线|分享|交流|上传|下载|订阅|跟踪|提醒|打卡|导航|评价|兑换/;

/** The remark regulators read: a placeholder, a repetition or no concrete service at all is vague. */
function vagueComment(ctx: RuleContext): void {
  const value = ctx.form.miniprogram.comment.trim();
  if (Array.from(value).length < 20) return;
  const distinct = new Set(Array.from(value.replace(PUNCTUATION, ''))).size;
  if (PLACEHOLDER.test(value) || distinct < 10 || !SERVICE_WORDS.test(value)) {
    ctx.findings.warn(
      'miniprogram.comment',
      'comment.vague',
      '小程序备注过于笼统，请写明提供的具体服务和主要功能（如“提供门店商品浏览、在线下单和订单查询”），审核会据此核实',
    );
  }
}

function hintMessage(hint: PreApprovalHint): string {
  const where = hint.sources.join('、');
  return `${where}涉及“${hint.word}”（${hint.name}）：如实际提供该类服务，须选择前置审批项“${hint.name}”并上传审批文件；如不涉及，请在备注中写明不涉及${hint.name}，或上传不涉及前置审批承诺书`;
}

function preApprovalKeywords(ctx: RuleContext): void {
  for (const hint of preApprovalHints(ctx.form)) {
    const path = hint.fromSubjectOnly ? 'miniprogram.comment' : 'miniprogram.preApprovals';
    ctx.findings.warn(path, 'pre_approval.keyword', hintMessage(hint));
  }
}

const REGISTRATION_NAMES: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '群众团体',
  '31': '律师执业机构',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
};

/** A USCC whose registration digits or region do not fit what the filer chose. */
function usccFit(ctx: RuleContext): void {
  const { type, certificate, region } = ctx.form.subject;
  if (type === null || isPersonalSubject(type) || !isUscc(certificate.number)) return;
  const prefix = certificate.number.slice(0, 2);
  if (!usccFitsSubjectType(certificate.number, type)) {
    const meaning = REGISTRATION_NAMES[prefix];
    ctx.findings.warn(
      'subject.certificate.number',
      'uscc.category_mismatch',
      `统一社会信用代码以“${prefix}”开头${meaning ? `（${meaning}）` : ''}，与主办单位性质“${ctx.tables.subjectTypeName(type)}”通常不符，请核对主办单位性质或证件号码`,
    );
  }
  const registered = `${usccProvincePrefix(certificate.number)}0000`;
  if (provinceRules(registered) && provinceRules(region.province) && registered !== region.province) {
    ctx.findings.warn(
      'subject.region.province',
      'uscc.region_mismatch',
      `统一社会信用代码显示登记地在${regionName(registered)}，与所选省份${regionName(region.province)}不一致；备案省份应与证件住所所在省份一致`,
    );
  }
}

/** 省市区不正确: the region must match the licence's printed 住所. */
function certificateAddressRegion(ctx: RuleContext): void {
  const { type, certificate, region } = ctx.form.subject;
  // A personal filer may live elsewhere than their ID says: that is the residence-permit rule.
  if (type === null || isPersonalSubject(type) || !provinceRules(region.province)) return;
  const printed = leadingProvince(certificate.address.trim());
  if (printed !== '' && printed !== region.province) {
    ctx.findings.warn(
      'subject.region.province',
      'certificate.address_region_mismatch',
      `证件住所在${regionName(printed)}，与所选省份${regionName(region.province)}不一致；请按证件住所选择省市区`,
    );
  }
}

const ENTERPRISE_LIKE = /公司|集团|企业|官方|旗舰|政府|机构|中心|协会|银行|学校|医院|研究院|研究所|基金/;
const STATE_PREFIX = /^(中国|中华|全国|国家|国际)/;
const STATE_SUBJECTS = new Set<number>([
  SUBJECT_TYPE.military,
  SUBJECT_TYPE.government,
  SUBJECT_TYPE.publicInstitution,
]);

function miniprogramName(ctx: RuleContext): void {
  const name = ctx.form.miniprogram.name.trim();
  const { type } = ctx.form.subject;
  if (name === '' || type === null) return;
  const enterprise = ENTERPRISE_LIKE.exec(name);
  if (isPersonalSubject(type) && enterprise) {
    ctx.findings.warn(
      'miniprogram.name',
      'miniprogram_name.enterprise_like',
      `个人主体的小程序名称不宜使用企业、机构或行业性名称（含“${enterprise[0]}”），审核可能驳回，建议改用个人化的名称`,
    );
  }
  const state = STATE_PREFIX.exec(name);
  if (state && !STATE_SUBJECTS.has(type)) {
    ctx.findings.warn(
      'miniprogram.name',
      'miniprogram_name.state_prefix',
      `非国家机关、事业单位的小程序名称不宜以“${state[0]}”开头，审核可能驳回`,
    );
  }
}

export function checkPrechecks(ctx: RuleContext): void {
  vagueComment(ctx);
  preApprovalKeywords(ctx);
  usccFit(ctx);
  certificateAddressRegion(ctx);
  miniprogramName(ctx);
}
