/**
 * WeChat's open-platform API as Beian calls it: the token chain under `/cgi-bin/component/` and
 * the ICP filing endpoints under `/wxa/icp/`. Field names are WeChat's own (snake_case), so a body
 * here is byte for byte what crosses the wire; the mapping to and from our form lives in
 * `mapping.ts` and nowhere else. See docs/wechat-platform.md.
 */

/** Every answer carries these; WeChat answers HTTP 200 even on error. */
export interface WeChatStatus {
  errcode?: number;
  errmsg?: string;
}

// --- Token chain (/cgi-bin/component/*) -------------------------------------------------------

export interface ComponentTokenRequest {
  component_appid: string;
  component_appsecret: string;
  component_verify_ticket: string;
}
export interface ComponentTokenResponse extends WeChatStatus {
  component_access_token: string;
  expires_in: number;
}

export interface PreAuthCodeRequest {
  component_appid: string;
}
export interface PreAuthCodeResponse extends WeChatStatus {
  pre_auth_code: string;
  expires_in: number;
}

export interface QueryAuthRequest {
  component_appid: string;
  authorization_code: string;
}
export interface FuncInfo {
  funcscope_category: { id: number };
}
export interface QueryAuthResponse extends WeChatStatus {
  authorization_info: {
    authorizer_appid: string;
    authorizer_access_token: string;
    expires_in: number;
    authorizer_refresh_token: string;
    func_info: FuncInfo[];
  };
}

export interface AuthorizerTokenRequest {
  component_appid: string;
  authorizer_appid: string;
  authorizer_refresh_token: string;
}
export interface AuthorizerTokenResponse extends WeChatStatus {
  authorizer_access_token: string;
  expires_in: number;
  authorizer_refresh_token: string;
}

// --- Enumerations (GET /wxa/icp/query_icp_*) ---------------------------------------------------

export interface SubjectTypeItem {
  type: number;
  name: string;
  remark: string;
}
export interface CertificateTypeItem {
  type: number;
  subject_type: number;
  name: string;
  remark: string;
}
export interface ServiceContentTypeItem {
  type: number;
  /** 0 for a first-level type. */
  parent_type: number;
  name: string;
  remark: string;
}
export interface NrlxTypeItem {
  type: number;
  name: string;
}
/** 1 省, 2 市, 3 区; codes are numbers here but strings in `apply_icp_filing`. */
export interface DistrictItem {
  type: 1 | 2 | 3;
  code: number;
  name: string;
  sub_list?: DistrictItem[];
}
export interface ItemsResponse<T> extends WeChatStatus {
  items: T[];
}

// --- Filing -----------------------------------------------------------------------------------

/** 2 平台审核中 · 3 平台审核驳回 · 4 管局审核中 · 5 管局审核驳回 · 6 已备案 · 1024+ 未备案. */
export type IcpStatus = number;
/** Meaningful only when status = 4: 1 等待核验, 2 核验完成, 3 核验超时. */
export type SmsVerifyStatus = 0 | 1 | 2 | 3;

export interface AuditItem {
  /** A Chinese field label, not an API path. */
  key_name: string;
  error: string;
  suggest: string;
}
export interface EntranceInfoResponse extends WeChatStatus {
  info: {
    status: IcpStatus;
    is_canceling?: boolean;
    audit_data?: AuditItem[];
    /** 0 when the 管局 system is down or the nickname hits keywords. */
    available?: 0 | 1;
    sms_verify_status?: SmsVerifyStatus;
  };
}

/** The subject's certificate; a personal subject's is its principal's ID card. */
export interface IcpOrganizeInfo {
  certificate_type: number;
  certificate_number: string;
  certificate_address: string;
  certificate_photo?: string;
}

/** Multipart text fields of `upload_icp_media`; the file goes in the `media` part. */
export interface UploadMediaFields {
  type: 'image' | 'video';
  certificate_type?: number;
  /** The API path of the field the media fills, e.g. `icp_subject.principal_info.certificate_photo_front`. */
  icp_order_field: string;
}
export interface UploadMediaResponse extends WeChatStatus {
  type: string;
  media_id: string;
  created_at: number;
}

export interface CreateVerifyTaskRequest {
  along_with_auth?: boolean;
}
export interface CreateVerifyTaskResponse extends WeChatStatus {
  task_id: string;
  verify_url?: string;
}
export interface QueryVerifyTaskRequest {
  task_id: string;
}
/** 0 未开始, 1 等待中, 2 失败, 3 成功 — final only once `is_finish`. */
export type FaceStatus = 0 | 1 | 2 | 3;
export interface QueryVerifyTaskResponse extends WeChatStatus {
  is_finish: boolean;
  face_status: FaceStatus;
  along_with_auth_result?: number;
}

export interface IcpPrincipalInfo {
  name: string;
  mobile: string;
  email: string;
  emergency_contact: string;
  certificate_type: number;
  certificate_number: string;
  /** YYYYMMDD */
  certificate_validity_date_start: string;
  /** YYYYMMDD or 长期 */
  certificate_validity_date_end: string;
  certificate_photo_front: string;
  certificate_photo_back: string;
  authorization_letter?: string;
}

export interface IcpSubject {
  base_info: {
    type: number;
    name: string;
    province: string;
    city: string;
    district: string;
    address: string;
    comment: string;
    record_number?: string;
  };
  personal_info?: { residence_permit?: string };
  organize_info: IcpOrganizeInfo;
  principal_info: IcpPrincipalInfo;
  legal_person_info?: { name: string; certificate_number: string };
}

export interface NrlxDetail {
  type: number;
  code?: string;
  media?: string;
}

export interface IcpApplets {
  base_info: {
    service_content_types: number[];
    nrlx_details: NrlxDetail[];
    comment: string;
    record_number?: string;
  };
  principal_info: IcpPrincipalInfo & { verify_task_id: string };
}

export interface IcpMaterials {
  commitment_letter?: string[];
  business_name_change_letter?: string[];
  party_building_confirmation_letter?: string[];
  promise_video?: string[];
  authenticity_responsibility_letter?: string[];
  authenticity_commitment_letter?: string[];
  website_construction_proposal?: string[];
  holding_certificate_photo?: string[];
  subject_other_materials?: string[];
  applets_other_materials?: string[];
}

export interface ApplyIcpFilingRequest {
  icp_subject: IcpSubject;
  icp_applets: IcpApplets;
  icp_materials?: IcpMaterials;
}
export interface FilingHint {
  errcode: number;
  errmsg: string;
  /** An API path such as `icp_subject.principal_info.mobile`. */
  err_field: string;
}
export interface ApplyIcpFilingResponse extends WeChatStatus {
  hints?: FilingHint[];
}

/** 1 注销主体 · 2 注销小程序 · 3 注销微信小程序. */
export type CancelType = 1 | 2 | 3;
export interface CancelIcpFilingRequest {
  cancel_type: CancelType;
  /** 1 不再运营 · 2 主体信息变更需重新备案. */
  reason_type?: 1 | 2;
}

/** What `get_online_icp_order` answers: the filed order without media, personal data masked. */
export interface OnlineIcpOrderResponse extends WeChatStatus {
  icp_subject?: Omit<IcpSubject, 'principal_info'> & {
    principal_info: Partial<IcpPrincipalInfo>;
  };
  icp_applets?: {
    base_info: Partial<IcpApplets['base_info']> & { appid?: string; name?: string };
    principal_info: Partial<IcpPrincipalInfo>;
  };
}

/** A GET endpoint: no body, only `?access_token=`. */
export type NoBody = null;

/** Every endpoint the channel calls: path → request and response, for the client and the emulator. */
export interface WeChatEndpoints {
  '/cgi-bin/component/api_component_token': [ComponentTokenRequest, ComponentTokenResponse];
  '/cgi-bin/component/api_create_preauthcode': [PreAuthCodeRequest, PreAuthCodeResponse];
  '/cgi-bin/component/api_query_auth': [QueryAuthRequest, QueryAuthResponse];
  '/cgi-bin/component/api_authorizer_token': [AuthorizerTokenRequest, AuthorizerTokenResponse];
  '/wxa/icp/query_icp_subject_types': [NoBody, ItemsResponse<SubjectTypeItem>];
  '/wxa/icp/query_icp_certificate_types': [NoBody, ItemsResponse<CertificateTypeItem>];
  '/wxa/icp/query_icp_service_content_types': [NoBody, ItemsResponse<ServiceContentTypeItem>];
  '/wxa/icp/query_icp_nrlx_types': [NoBody, ItemsResponse<NrlxTypeItem>];
  '/wxa/icp/query_icp_district_code': [NoBody, ItemsResponse<DistrictItem>];
  '/wxa/icp/get_icp_entrance_info': [NoBody, EntranceInfoResponse];
  '/wxa/icp/create_icp_verifytask': [CreateVerifyTaskRequest, CreateVerifyTaskResponse];
  '/wxa/icp/query_icp_verifytask': [QueryVerifyTaskRequest, QueryVerifyTaskResponse];
  '/wxa/icp/apply_icp_filing': [ApplyIcpFilingRequest, ApplyIcpFilingResponse];
  '/wxa/icp/cancel_apply_icp_filing': [Record<string, never>, WeChatStatus];
  '/wxa/icp/cancel_icp_filing': [CancelIcpFilingRequest, WeChatStatus];
  '/wxa/icp/get_online_icp_order': [NoBody, OnlineIcpOrderResponse];
}
export type WeChatPath = keyof WeChatEndpoints;

/** WeChat's errcodes that Beian treats specially. */
export const ERRCODE = {
  systemBusy: -1,
  invalidToken: 40001,
  expiredToken: 42001,
  quotaExceeded: 45009,
  ipNotWhitelisted: 61004,
  applyInvalid: 86202,
  unknownMedia: 86205,
  openOrderExists: 86324,
  certificateTypeMismatch: 86328,
  notWithdrawable: 86330,
  notFiled: 86353,
  noOrder: 86368,
} as const;
