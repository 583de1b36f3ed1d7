/**
 * Words that betray a service needing a pre-approval (前置审批), per category, and the service
 * content types that imply one (docs/domain.md § Business scope and pre-approvals). A hit with the
 * category not selected is the public rejection reason "需前置审批但未办理".
 *
 * A clause of the comment that denies the business (`不涉及教育`, `不从事金融业务`) is not a hit:
 * that is exactly how WeChat asks filers to explain a keyword in their name.
 */
import { PRE_APPROVAL_TYPES, SERVICE_TYPES } from '../data/enums';
import type { FilingForm } from '../model/form';

interface Category {
  type: number;
  words: RegExp;
  serviceTypes: readonly number[];
}

const FINANCE_SERVICE_TYPES = SERVICE_TYPES.filter((type) => type.group === 510).map((type) => type.id);

const CATEGORIES: readonly Category[] = [
  { type: 1, words: /新闻|时政|时事/, serviceTypes: [93] },
  { type: 2, words: /出版|网络文学|网络小说|电子书|期刊|游戏/, serviceTypes: [37, 42] },
  { type: 3, words: /教育|学历|招生|学校/, serviceTypes: [78, 80] },
  { type: 4, words: /医疗(?!器械)|医院|诊所|问诊|诊疗|保健/, serviceTypes: [87, 90, 91, 92] },
  { type: 5, words: /药品|药店|药房|医药|医疗器械/, serviceTypes: [88, 89] },
  { type: 9, words: /动漫|演出|艺术品|网络音乐/, serviceTypes: [44, 48] },
  { type: 10, words: /影视|电影|电视剧|电视节目|网络视听|直播|短视频/, serviceTypes: [43] },
  { type: 12, words: /网约车|网络预约车|打车|叫车|专车|顺风车/, serviceTypes: [60] },
  {
    type: 13,
    words: /金融|理财|贷款|借贷|网贷|众筹|证券|股票|基金(?!会)|保险|期货/,
    serviceTypes: FINANCE_SERVICE_TYPES,
  },
  { type: 14, words: /培训|辅导|补习|家教|网课/, serviceTypes: [79] },
  { type: 15, words: /宗教|佛教|道教|基督教|天主教|伊斯兰|寺院|寺庙|教堂|清真/, serviceTypes: [175] },
];

const NEGATION = /不涉及|不从事|不提供|不含|不包含|未涉及|无关/;
const CLAUSE = /[，。；;,.!?！？\n]/;

export interface PreApprovalHint {
  /** The pre-approval type the service seems to need. */
  type: number;
  name: string;
  /** The word (or service type) that gave it away. */
  word: string;
  /** Where: 小程序名称, 小程序备注, 服务内容类型, 主办单位名称. */
  sources: string[];
  /** Only the subject's name mentions it: explaining in the comment is the remedy. */
  fromSubjectOnly: boolean;
}

function split(comment: string): { affirmed: string; denied: string } {
  const clauses = comment.split(CLAUSE);
  return {
    affirmed: clauses.filter((clause) => !NEGATION.test(clause)).join('。'),
    denied: clauses.filter((clause) => NEGATION.test(clause)).join('。'),
  };
}

function hintFor(
  form: FilingForm,
  category: Category,
  comment: { affirmed: string; denied: string },
): PreApprovalHint | null {
  const name = PRE_APPROVAL_TYPES.find((type) => type.id === category.type)?.name ?? '';
  const sources: string[] = [];
  let word = '';
  const note = (source: string, found: string): void => {
    sources.push(source);
    word ||= found;
  };
  const inName = category.words.exec(form.miniprogram.name);
  if (inName) note('小程序名称', inName[0]);
  const inComment = category.words.exec(comment.affirmed);
  if (inComment) note('小程序备注', inComment[0]);
  const service = SERVICE_TYPES.find(
    (type) => category.serviceTypes.includes(type.id) && form.miniprogram.serviceTypes.includes(type.id),
  );
  if (service) note('服务内容类型', service.name);
  if (sources.length > 0) return { type: category.type, name, word, sources, fromSubjectOnly: false };
  const inSubject = category.words.exec(form.subject.name);
  if (!inSubject || comment.denied.includes(inSubject[0]) || comment.denied.includes(name)) return null;
  return { type: category.type, name, word: inSubject[0], sources: ['主办单位名称'], fromSubjectOnly: true };
}

/** The pre-approval categories the form's words suggest and that are not selected. */
export function preApprovalHints(form: FilingForm): PreApprovalHint[] {
  const selected = new Set(form.miniprogram.preApprovals.map((item) => item.type));
  const comment = split(form.miniprogram.comment);
  const hints: PreApprovalHint[] = [];
  for (const category of CATEGORIES) {
    if (selected.has(category.type)) continue;
    const hint = hintFor(form, category, comment);
    if (hint) hints.push(hint);
  }
  return hints;
}

/**
 * The categories a licence's business scope names that the form neither selects nor denies in the
 * comment (docs/domain.md § Business scope and pre-approvals): the filer either needs the
 * pre-approval, or says the mini-program does not do that business.
 */
export function businessScopeHints(form: FilingForm, scope: string): PreApprovalHint[] {
  const selected = new Set(form.miniprogram.preApprovals.map((item) => item.type));
  const { denied } = split(form.miniprogram.comment);
  const hints: PreApprovalHint[] = [];
  for (const category of CATEGORIES) {
    const found = category.words.exec(scope);
    if (!found || selected.has(category.type)) continue;
    const name = PRE_APPROVAL_TYPES.find((type) => type.id === category.type)?.name ?? '';
    if (denied.includes(found[0]) || (name !== '' && denied.includes(name))) continue;
    hints.push({
      type: category.type,
      name,
      word: found[0],
      sources: ['营业执照经营范围'],
      fromSubjectOnly: true,
    });
  }
  return hints;
}
