/**
 * The filing form: the official sections of WeChat's `applyIcpFiling` payload (docs/domain.md § The form),
 * with our own names. Every field is always present (empty string, null or empty array when not
 * filled in yet), so the mini-program can bind and patch any path with setData and the server can
 * patch by path without creating holes.
 *
 * Paths such as `subject.principal.mobile` are the contract between the pages, the checks, the
 * server and the reviewers' rejection reasons.
 */

/** A cloud-storage file id (`cloud://<env>.<bucket>/<path>`; the local cloud issues the same shape). Empty when missing. */
export type FileId = string;

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** The literal a certificate's end date takes when it never expires. */
export const LONG_TERM = '长期';
export type LongTerm = typeof LONG_TERM;

/** 省/市/区 as 6-digit codes from the district tree. */
export interface Region {
  province: string;
  city: string;
  district: string;
}

/** A person's identity document (负责人证件). Principals may only use the individual types. */
export interface PersonCertificate {
  /** Certificate type id (WeChat's own, e.g. 2 = 居民身份证). */
  type: number | null;
  number: string;
  validFrom: IsoDate | '';
  validTo: IsoDate | LongTerm | '';
  /** For a resident ID: the portrait side. */
  photoFront: FileId;
  /** For a resident ID: the national-emblem side. */
  photoBack: FileId;
}

/** A person in charge (负责人): of the subject, or of the mini-program. */
export interface Principal {
  name: string;
  mobile: string;
  email: string;
  /** 应急联系方式: a mobile number that is not the person's own. */
  emergencyContact: string;
  certificate: PersonCertificate;
}

/** 主体负责人. */
export interface SubjectPrincipal extends Principal {
  /** Whether this person is the subject's legal representative (法定代表人). */
  isLegalRepresentative: boolean;
  /** 授权书, needed when the principal is not the legal representative. */
  authorizationLetter: FileId;
}

/** The subject's own certificate (主体证件), e.g. a business licence. */
export interface SubjectCertificate {
  /** Certificate type id, limited to the types allowed for the subject type. */
  type: number | null;
  number: string;
  /** 证件住所, exactly as printed. */
  address: string;
  /**
   * 营业期限 / 有效期 as printed, when the certificate has one (many licences say 长期, some print
   * none). WeChat does not ask for it; Beian keeps it to warn of a certificate about to expire.
   */
  validFrom: IsoDate | '';
  validTo: IsoDate | LongTerm | '';
  photo: FileId;
}

/** 主体信息. */
export interface Subject {
  /** 主体性质 id (5 = 个人, 4 = 企业, …). */
  type: number | null;
  /** 主办单位名称; for a personal subject, the person's name. */
  name: string;
  region: Region;
  /** 通讯地址 without the province/city/district text. */
  address: string;
  comment: string;
  certificate: SubjectCertificate;
  /** Residence proof for a personal filer who is not from the filing province. */
  residencePermit: FileId;
  /** 法定代表人, needed when a non-personal subject's principal is not the legal representative. */
  legalPerson: {
    name: string;
    idNumber: string;
  };
  principal: SubjectPrincipal;
}

/** 前置审批项: a pre-approval the service needs (or 以上都不涉及). */
export interface PreApproval {
  /** Pre-approval type id (24 = 以上都不涉及). */
  type: number | null;
  /** 审批号, e.g. "粤-12345号". */
  code: string;
  /** A scan of the approval document. */
  media: FileId;
}

/** How the mini-program principal's face is verified; the field spec lists these values. */
export const FACE_METHODS = ['photo', 'wechat'] as const;
export type FaceMethod = (typeof FACE_METHODS)[number];

/**
 * 人脸核身 of the mini-program principal. Beian captures a photo that admins review; where the
 * account qualifies, WeChat's own face verification can fill `verifyId` instead.
 */
export interface FaceVerification {
  method: FaceMethod;
  photo: FileId;
  verifyId: string;
  /** When the capture or verification was done (ISO time), '' when not yet. */
  completedAt: string;
}

/** 小程序负责人. */
export interface MiniprogramPrincipal extends Principal {
  /** The same person as the subject principal: their fields are copied on save. */
  sameAsSubjectPrincipal: boolean;
  /**
   * Another person than the subject principal who is the legal representative. Otherwise, for a
   * non-personal subject, the legal representative's authorization letter is required (WeChat's
   * `icp_applets.principal_info.authorization_letter`). The same person: the subject's answer.
   */
  isLegalRepresentative: boolean;
  authorizationLetter: FileId;
  faceVerification: FaceVerification;
}

/** 小程序信息. */
export interface MiniprogramInfo {
  appid: string;
  name: string;
  /** Second-level service content type ids, 1–5 of them. */
  serviceTypes: number[];
  /** 备注: the real business and main services, 20–200 characters. */
  comment: string;
  preApprovals: PreApproval[];
  principal: MiniprogramPrincipal;
}

/** 其他材料 (`icp_materials`): arrays of file ids, each with the maximum count the API accepts. */
export interface Materials {
  /** 互联网信息服务承诺书 */
  commitmentLetter: FileId[];
  /** 小程序备案信息真实性承诺书 */
  authenticityCommitmentLetter: FileId[];
  /** 主体更名函 */
  businessNameChangeLetter: FileId[];
  /** 小程序建设方案书 */
  websiteConstructionProposal: FileId[];
  /** 党建确认函 */
  partyBuildingConfirmationLetter: FileId[];
  /** 手持证件照 */
  holdingCertificatePhoto: FileId[];
  /** 承诺视频 */
  promiseVideo: FileId[];
  /** 网站备案信息真实性责任告知书 */
  authenticityResponsibilityLetter: FileId[];
  /** 主体其他材料 */
  subjectOtherMaterials: FileId[];
  /** 小程序其他材料 (e.g. a 不涉及前置审批 commitment) */
  appletsOtherMaterials: FileId[];
}

export type MaterialKey = keyof Materials;

/** The whole form of one application. */
export interface FilingForm {
  subject: Subject;
  miniprogram: MiniprogramInfo;
  materials: Materials;
}

/** The five steps of the form, in the order the filer walks them. */
export type FormSection =
  'subject' | 'subjectPrincipal' | 'miniprogram' | 'miniprogramPrincipal' | 'materials';
