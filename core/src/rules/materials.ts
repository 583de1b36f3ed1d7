/**
 * The materials checklist: for one application, every file it needs or may need, why, how many the
 * platform accepts and how many are there. "Required" here means the checks report the file as an
 * error while it is missing (both ask ./needs.ts); optional items say when a province asks for them.
 * A cancellation uploads nothing, so its checklist is empty.
 */
import type { MaterialRequirement } from '../contract';
import { CERTIFICATE_TYPE, NONE_PRE_APPROVAL, certificateTypeName, isPersonalSubject } from '../data/enums';
import { FIELD_SPECS } from '../model/fields';
import { fieldLabel } from '../model/paths';
import type { FilingForm, MaterialKey, PersonCertificate, Principal } from '../model/form';
import type { ChannelKind } from '../model/application';
import type { CheckTarget } from './check';
import { Findings } from './findings';
import { preApprovalHints } from './keywords';
import { miniprogramPrincipalIsDelegate, principalIsDelegate, residencePermitNeed } from './needs';
import { readForm } from './shape';

const UPLOAD_RULES = '原件彩色照片或扫描件，四角完整、字迹清晰，不接受复印件或翻拍屏幕';
const PROVINCE_ASKS = '部分省份通管局要求提供，请按平台提示下载模板，签字盖章后上传';

const MATERIAL_REASONS: Readonly<Record<MaterialKey, string>> = {
  commitmentLetter: PROVINCE_ASKS,
  authenticityCommitmentLetter: PROVINCE_ASKS,
  businessNameChangeLetter: '单位名称变更过、证件与账号主体名称不一致时提供',
  websiteConstructionProposal: PROVINCE_ASKS,
  partyBuildingConfirmationLetter: '部分省份要求单位提供党建确认函',
  holdingCertificatePhoto: '部分省份要求负责人手持证件拍照',
  promiseVideo: '部分省份要求负责人录制承诺视频',
  authenticityResponsibilityLetter: PROVINCE_ASKS,
  subjectOtherMaterials: '其他能证明主体信息的材料（如场地证明）',
  appletsOtherMaterials: '其他能说明小程序情况的材料（如不涉及前置审批承诺书）',
};

function file(path: string, value: string, required: boolean, reason: string): MaterialRequirement {
  return { path, label: fieldLabel(path), required, reason, max: 1, provided: value === '' ? 0 : 1 };
}

function personPhotos(prefix: string, certificate: PersonCertificate, who: string): MaterialRequirement[] {
  const document = certificateTypeName(certificate.type) || '证件';
  const items = [
    file(
      `${prefix}.certificate.photoFront`,
      certificate.photoFront,
      true,
      `${who}${document}的${certificate.type === CERTIFICATE_TYPE.residentId ? '人像面' : '信息页'}，${UPLOAD_RULES}`,
    ),
  ];
  if (certificate.type !== CERTIFICATE_TYPE.passport) {
    const side = certificate.type === CERTIFICATE_TYPE.residentId ? '国徽面' : '反面';
    items.push(
      file(
        `${prefix}.certificate.photoBack`,
        certificate.photoBack,
        true,
        `${who}${document}的${side}，${UPLOAD_RULES}`,
      ),
    );
  }
  return items;
}

/**
 * A principal's photos and, when they are not the legal representative, their authorization
 * letter: `letterRule` says how it is signed (null: no letter is needed).
 */
function principalItems(
  prefix: string,
  principal: Principal & { authorizationLetter: string },
  who: string,
  letterRule: string | null,
): MaterialRequirement[] {
  const items = personPhotos(prefix, principal.certificate, who);
  if (letterRule !== null) {
    const letter = `${prefix}.authorizationLetter`;
    items.push(file(letter, principal.authorizationLetter, true, `${who}不是法定代表人：${letterRule}`));
  }
  return items;
}

function subjectItems(form: FilingForm): MaterialRequirement[] {
  const { subject } = form;
  const items: MaterialRequirement[] = [];
  if (subject.type !== null && !isPersonalSubject(subject.type)) {
    const document = certificateTypeName(subject.certificate.type) || '主体证件';
    items.push(
      file('subject.certificate.photo', subject.certificate.photo, true, `${document}，${UPLOAD_RULES}`),
    );
  }
  const residence = residencePermitNeed(form);
  if (residence.need !== 'none') {
    items.push(
      file(
        'subject.residencePermit',
        subject.residencePermit,
        residence.need === 'required',
        `${residence.reason}：上传居住证、暂住证、社保缴纳证明或房产证明等`,
      ),
    );
  }
  items.push(
    ...principalItems(
      'subject.principal',
      subject.principal,
      '主体负责人',
      principalIsDelegate(form) ? '须由法定代表人签字并加盖公章授权，授权书须在提交前1个月内签署' : null,
    ),
  );
  return items;
}

function miniprogramItems(form: FilingForm, channel: ChannelKind): MaterialRequirement[] {
  const { miniprogram } = form;
  const items: MaterialRequirement[] = [];
  miniprogram.preApprovals.forEach((item, index) => {
    if (item.type === null || item.type === NONE_PRE_APPROVAL) return;
    const path = `miniprogram.preApprovals.${index}.media`;
    items.push(file(path, item.media, true, '所选前置审批项的批准文件扫描件，审批号须与文件一致'));
  });
  if (!miniprogram.principal.sameAsSubjectPrincipal) {
    items.push(
      ...principalItems(
        'miniprogram.principal',
        miniprogram.principal,
        '小程序负责人',
        miniprogramPrincipalIsDelegate(form) ? '须由法定代表人签字并加盖公章授权' : null,
      ),
    );
  }
  const face = miniprogram.principal.faceVerification;
  if (face.method === 'photo' && channel === 'manual') {
    items.push(
      file(
        'miniprogram.principal.faceVerification.photo',
        face.photo,
        true,
        '小程序负责人本人正面照片：白色或浅色背景，不戴帽子、口罩、耳机，光线均匀',
      ),
    );
  }
  return items;
}

function otherMaterials(form: FilingForm): MaterialRequirement[] {
  const noneSelected = form.miniprogram.preApprovals.some((item) => item.type === NONE_PRE_APPROVAL);
  const hints = noneSelected ? preApprovalHints(form) : [];
  return (Object.keys(MATERIAL_REASONS) as MaterialKey[]).map((key) => {
    const path = `materials.${key}`;
    let reason = MATERIAL_REASONS[key];
    if (key === 'appletsOtherMaterials' && hints.length > 0) {
      reason = `名称或备注涉及“${hints.map((hint) => hint.name).join('、')}”但选择了“以上都不涉及”：建议上传不涉及前置审批承诺书`;
    }
    return {
      path,
      label: fieldLabel(path),
      required: false,
      reason,
      max: FIELD_SPECS[path]?.maxItems ?? 1,
      provided: form.materials[key].length,
    };
  });
}

/**
 * The checklist of one application (any input: a malformed one reads as empty where it breaks).
 * Through WeChat the face photo is not asked for: WeChat's task verifies the principal.
 */
export function materialsChecklist(
  target: CheckTarget,
  channel: ChannelKind = 'manual',
): MaterialRequirement[] {
  const source: unknown = target;
  if (typeof source !== 'object' || source === null) return [];
  const record = source as Partial<Record<keyof CheckTarget, unknown>>;
  if (record.kind === 'cancel') return [];
  const form = readForm(record.form, new Findings());
  return [...subjectItems(form), ...miniprogramItems(form, channel), ...otherMaterials(form)];
}
