/**
 * 小程序信息: AppID, name, service content types (1–5 second-level ids), the comment regulators
 * rely on (20–200 characters), and the pre-approval items (no duplicates, 以上都不涉及 alone, an
 * approval number and a scan for every real item).
 */
import { NONE_PRE_APPROVAL } from '../data/enums';
import { present, trimmed } from './common';
import type { RuleContext } from './findings';
import { nameUnits } from './text';

const COMMENT_MIN = 20;

function appid(ctx: RuleContext): void {
  const { appid: value } = ctx.form.miniprogram;
  if (present(ctx, 'miniprogram.appid', value) && !/^wx[0-9a-f]{16}$/.test(value)) {
    ctx.findings.error(
      'miniprogram.appid',
      'appid.invalid',
      '小程序AppID应为wx开头的18位字符，可在微信公众平台“开发管理—开发设置”中查看',
    );
  }
}

function name(ctx: RuleContext): void {
  const path = 'miniprogram.name';
  const { name: value } = ctx.form.miniprogram;
  if (!present(ctx, path, value)) return;
  trimmed(ctx, path, value);
  if (value.includes('小程序')) {
    ctx.findings.error(
      path,
      'miniprogram_name.contains_miniprogram',
      '小程序名称不能包含“小程序”，请先修改账号名称',
    );
    return;
  }
  const units = nameUnits(value.trim());
  if (units < 4 || units > 30) {
    ctx.findings.warn(
      path,
      'miniprogram_name.length',
      '小程序名称应为4–30个字符（一个汉字算2个）且与账号名称一致，请核对',
    );
  }
}

function serviceTypes(ctx: RuleContext): void {
  const path = 'miniprogram.serviceTypes';
  const ids = ctx.form.miniprogram.serviceTypes;
  if (!present(ctx, path, ids)) return;
  const seen = new Set<number>();
  const { tables } = ctx;
  for (const id of ids) {
    if (seen.has(id)) {
      ctx.findings.error(
        path,
        'service_types.duplicate',
        `服务内容类型“${tables.serviceTypeName(id)}”重复，请删除重复项`,
      );
    } else if (tables.isServiceTypeGroup(id)) {
      ctx.findings.error(
        path,
        'service_types.not_selectable',
        `“${tables.serviceTypeName(id)}”是一级分类，请选择其下的具体服务类型`,
      );
    } else if (!tables.isSelectableServiceType(id)) {
      ctx.findings.error(path, 'service_types.unknown', '所选服务内容类型已不在可选范围内，请重新选择');
    }
    seen.add(id);
  }
}

function comment(ctx: RuleContext): void {
  const path = 'miniprogram.comment';
  const value = ctx.form.miniprogram.comment;
  if (!present(ctx, path, value)) return;
  const length = Array.from(value.trim()).length;
  if (length < COMMENT_MIN) {
    ctx.findings.error(
      path,
      'comment.too_short',
      `小程序备注至少${COMMENT_MIN}个字（当前${length}个），请写明小程序的真实用途和主要功能`,
    );
  }
}

function preApprovalItem(ctx: RuleContext, index: number, types: readonly (number | null)[]): void {
  const item = ctx.form.miniprogram.preApprovals[index];
  if (!item) return;
  const prefix = `miniprogram.preApprovals.${index}`;
  if (!present(ctx, `${prefix}.type`, item.type)) return;
  if (!ctx.tables.isPreApprovalType(item.type)) {
    ctx.findings.error(
      `${prefix}.type`,
      'pre_approval.type_unknown',
      '前置审批类型不在可选范围内，请重新选择',
    );
    return;
  }
  if (types.indexOf(item.type) !== index) {
    ctx.findings.error(`${prefix}.type`, 'pre_approval.duplicate', '前置审批类型重复，请删除重复的一项');
    return;
  }
  if (item.type === NONE_PRE_APPROVAL) {
    if (types.length > 1) {
      ctx.findings.error(
        `${prefix}.type`,
        'pre_approval.none_exclusive',
        '“以上都不涉及”不能与其他前置审批项同时选择：涉及前置审批时请删除此项，否则删除其他各项',
      );
    }
    return;
  }
  present(ctx, `${prefix}.code`, item.code);
  present(ctx, `${prefix}.media`, item.media);
}

function preApprovals(ctx: RuleContext): void {
  const items = ctx.form.miniprogram.preApprovals;
  if (items.length === 0) {
    ctx.findings.error(
      'miniprogram.preApprovals',
      'pre_approval.required',
      '请选择前置审批项；小程序不涉及新闻、出版、教育、医疗、金融等需审批的内容时，选择“以上都不涉及”',
    );
    return;
  }
  const types = items.map((item) => item.type);
  items.forEach((_item, index) => preApprovalItem(ctx, index, types));
}

export function checkMiniprogram(ctx: RuleContext): void {
  appid(ctx);
  name(ctx);
  serviceTypes(ctx);
  comment(ctx);
  preApprovals(ctx);
}
