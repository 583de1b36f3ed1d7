/**
 * `icp_applets` and `icp_materials` of `apply_icp_filing`: the mini-program's service content
 * (second-level types only, 1 to 5), its pre-approvals (nrlx: each type once; 24 alone when none
 * applies; a code and a media for any other), a 20–200 character comment, its principal with a
 * finished, unexpired face-verification task, and the extra materials (media_ids, counted).
 */
import { isNrlxType, isSecondLevelService, NO_NRLX } from '../enums';
import { characters, isJson, type Check, type Json } from './check';
import { checkPrincipal } from './principal';

const PATH = 'icp_applets';
const MAX_SERVICE_TYPES = 5;

/** Each material's most media_ids. */
const MATERIALS: Record<string, number> = {
  commitment_letter: 1,
  business_name_change_letter: 1,
  party_building_confirmation_letter: 1,
  promise_video: 1,
  authenticity_responsibility_letter: 1,
  authenticity_commitment_letter: 1,
  website_construction_proposal: 1,
  holding_certificate_photo: 1,
  subject_other_materials: 10,
  applets_other_materials: 10,
};

export function checkApplets(check: Check, body: Json): void {
  const applets = check.object(body, 'icp_applets', PATH);
  if (!applets) return;
  const base = check.object(applets, 'base_info', `${PATH}.base_info`);
  if (base) {
    checkServiceTypes(check, base);
    checkNrlx(check, base);
    const comment = check.text(base, 'comment', `${PATH}.base_info.comment`);
    const length = characters(comment);
    if (comment && (length < 20 || length > 200)) {
      check.fail(`${PATH}.base_info.comment`, `小程序备注应为 20–200 个字（现为 ${length} 个字）`);
    }
  }
  const principal = checkPrincipal(check, applets, `${PATH}.principal_info`);
  if (principal) {
    const field = `${PATH}.principal_info.verify_task_id`;
    const taskId = check.text(principal, 'verify_task_id', field);
    const problem = taskId ? check.context.verifyTask(taskId) : null;
    if (problem) check.fail(field, problem);
  }
}

function checkServiceTypes(check: Check, base: Json): void {
  const field = `${PATH}.base_info.service_content_types`;
  const types = base.service_content_types;
  if (!Array.isArray(types) || types.length === 0) {
    check.fail(field, '请至少选择一项服务内容类型');
    return;
  }
  if (types.length > MAX_SERVICE_TYPES) check.fail(field, `服务内容类型最多选择 ${MAX_SERVICE_TYPES} 项`);
  types.forEach((type: unknown, index) => {
    if (typeof type !== 'number' || !isSecondLevelService(type)) {
      check.fail(
        `${field}.${index}`,
        `服务内容类型 ${String(type)} 不是 query_icp_service_content_types 的二级类型`,
      );
    }
  });
  if (new Set(types).size !== types.length) check.fail(field, '服务内容类型不能重复');
}

function checkNrlx(check: Check, base: Json): void {
  const field = `${PATH}.base_info.nrlx_details`;
  const details = base.nrlx_details;
  if (!Array.isArray(details) || details.length === 0) {
    check.fail(field, `请填写前置审批项；都不涉及时填 [{"type": ${NO_NRLX}}]`);
    return;
  }
  const seen = new Set<number>();
  details.forEach((detail: unknown, index) => {
    const path = `${field}.${index}`;
    if (!isJson(detail)) return check.fail(path, `${path} 应为对象`);
    const type = check.integer(detail, 'type', `${path}.type`);
    if (type === null) return;
    if (!isNrlxType(type))
      return check.fail(`${path}.type`, `前置审批类型 ${type} 不在 query_icp_nrlx_types 的列表中`);
    if (seen.has(type)) check.fail(`${path}.type`, `前置审批类型 ${type} 重复`);
    seen.add(type);
    if (type === NO_NRLX) {
      if (details.length > 1) check.fail(`${path}.type`, '“以上都不涉及”不能与其他前置审批项同时填写');
      return;
    }
    check.text(detail, 'code', `${path}.code`);
    check.media(detail, 'media', `${path}.media`, true);
  });
}

export function checkMaterials(check: Check, body: Json): void {
  const materials = check.object(body, 'icp_materials', 'icp_materials', false);
  if (!materials) return;
  for (const [key, value] of Object.entries(materials)) {
    const field = `icp_materials.${key}`;
    const most = Object.prototype.hasOwnProperty.call(MATERIALS, key) ? MATERIALS[key] : undefined;
    if (most === undefined) {
      check.fail(field, `未知的材料 ${key}`);
      continue;
    }
    if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
      check.fail(field, `${field} 应为 media_id 的数组`);
      continue;
    }
    if (value.length > most) check.fail(field, `${field} 最多 ${most} 个`);
    value.forEach((id: string, index) => check.mediaId(id, `${field}.${index}`));
  }
}
