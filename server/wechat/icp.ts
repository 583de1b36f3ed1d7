/**
 * The ICP filing endpoints (`/wxa/icp/*`), called on behalf of one authorized mini-program with
 * its authorizer_access_token. One method per endpoint, in WeChat's field names; what they mean
 * for an application is decided by the channel, not here.
 */
import type {
  ApplyIcpFilingRequest,
  CancelIcpFilingRequest,
  CertificateTypeItem,
  CreateVerifyTaskResponse,
  DistrictItem,
  EntranceInfoResponse,
  NrlxTypeItem,
  OnlineIcpOrderResponse,
  QueryVerifyTaskResponse,
  ServiceContentTypeItem,
  SubjectTypeItem,
  UploadMediaFields,
  UploadMediaResponse,
  WeChatEndpoints,
  WeChatPath,
} from './api';
import type { PlatformTokens } from './tokens';
import type { UploadPart, WeChatTransport } from './transport';

export class IcpClient {
  constructor(
    private readonly transport: WeChatTransport,
    private readonly tokens: PlatformTokens,
    readonly appid: string,
  ) {}

  // Enumerations: WeChat's current lists (不定期更新，切勿硬编码).
  async subjectTypes(): Promise<SubjectTypeItem[]> {
    return (await this.call('/wxa/icp/query_icp_subject_types', null)).items;
  }
  async certificateTypes(): Promise<CertificateTypeItem[]> {
    return (await this.call('/wxa/icp/query_icp_certificate_types', null)).items;
  }
  async serviceContentTypes(): Promise<ServiceContentTypeItem[]> {
    return (await this.call('/wxa/icp/query_icp_service_content_types', null)).items;
  }
  async nrlxTypes(): Promise<NrlxTypeItem[]> {
    return (await this.call('/wxa/icp/query_icp_nrlx_types', null)).items;
  }
  async districts(): Promise<DistrictItem[]> {
    return (await this.call('/wxa/icp/query_icp_district_code', null)).items;
  }

  // Filing.
  entranceInfo(): Promise<EntranceInfoResponse> {
    return this.call('/wxa/icp/get_icp_entrance_info', null);
  }
  uploadMedia(fields: UploadMediaFields, file: UploadPart['file']): Promise<UploadMediaResponse> {
    const text: Record<string, string> = { type: fields.type, icp_order_field: fields.icp_order_field };
    if (fields.certificate_type !== undefined) text.certificate_type = String(fields.certificate_type);
    return this.tokens.withAuthorizerToken(this.appid, async (token) => {
      const answer = await this.transport.upload(
        '/wxa/icp/upload_icp_media',
        { access_token: token },
        {
          fields: text,
          file,
        },
      );
      return answer as unknown as UploadMediaResponse;
    });
  }
  createVerifyTask(alongWithAuth = false): Promise<CreateVerifyTaskResponse> {
    return this.call('/wxa/icp/create_icp_verifytask', { along_with_auth: alongWithAuth });
  }
  queryVerifyTask(taskId: string): Promise<QueryVerifyTaskResponse> {
    return this.call('/wxa/icp/query_icp_verifytask', { task_id: taskId });
  }
  /** Throws a WeChatError with `hints` when WeChat refuses the body (86202). */
  async applyFiling(body: ApplyIcpFilingRequest): Promise<void> {
    await this.call('/wxa/icp/apply_icp_filing', body);
  }
  async cancelApplication(): Promise<void> {
    await this.call('/wxa/icp/cancel_apply_icp_filing', {});
  }
  async cancelFiling(body: CancelIcpFilingRequest): Promise<void> {
    await this.call('/wxa/icp/cancel_icp_filing', body);
  }
  onlineOrder(): Promise<OnlineIcpOrderResponse> {
    return this.call('/wxa/icp/get_online_icp_order', null);
  }

  private call<P extends WeChatPath>(path: P, body: WeChatEndpoints[P][0]): Promise<WeChatEndpoints[P][1]> {
    return this.tokens.withAuthorizerToken(this.appid, (token) =>
      this.transport.call(path, { access_token: token }, body),
    );
  }
}
