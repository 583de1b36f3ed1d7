/**
 * `get_online_icp_order`: the filing in force as WeChat shows it back — the fields of apply
 * without any media, personal data masked the way WeChat masks it (`*三`, `11**************34`,
 * `138****5678`), and the record numbers on both parts.
 */
import type { IcpPrincipalInfo, OnlineIcpOrderResponse } from '../../server/wechat/api';
import { OK } from './errors';
import { PERSONAL_SUBJECT } from './enums';
import type { OrderState } from './state';

type Filed = NonNullable<OrderState['filed']>;

export function onlineOrder(appid: string, filed: Filed): OnlineIcpOrderResponse {
  const { icp_subject: subject, icp_applets: applets } = filed.application;
  const personal = subject.base_info.type === PERSONAL_SUBJECT;
  const organize = subject.organize_info;
  return {
    ...OK,
    icp_subject: {
      base_info: {
        ...subject.base_info,
        name: personal ? maskName(subject.base_info.name) : subject.base_info.name,
        record_number: filed.subjectRecordNumber,
      },
      organize_info: {
        certificate_type: organize.certificate_type,
        certificate_number: personal ? maskNumber(organize.certificate_number) : organize.certificate_number,
        certificate_address: organize.certificate_address,
      },
      principal_info: maskPrincipal(subject.principal_info),
      ...(subject.legal_person_info
        ? {
            legal_person_info: {
              name: maskName(subject.legal_person_info.name),
              certificate_number: maskNumber(subject.legal_person_info.certificate_number),
            },
          }
        : {}),
    },
    icp_applets: {
      base_info: {
        appid,
        service_content_types: [...applets.base_info.service_content_types],
        nrlx_details: applets.base_info.nrlx_details.map(({ type, code }) =>
          code ? { type, code } : { type },
        ),
        comment: applets.base_info.comment,
        record_number: filed.recordNumber,
      },
      principal_info: maskPrincipal(applets.principal_info),
    },
  };
}

function maskPrincipal(principal: IcpPrincipalInfo): Partial<IcpPrincipalInfo> {
  return {
    name: maskName(principal.name),
    mobile: maskMobile(principal.mobile),
    email: maskEmail(principal.email),
    emergency_contact: maskMobile(principal.emergency_contact),
    certificate_type: principal.certificate_type,
    certificate_number: maskNumber(principal.certificate_number),
    certificate_validity_date_start: principal.certificate_validity_date_start,
    certificate_validity_date_end: principal.certificate_validity_date_end,
  };
}

/** 张三 → *三, 欧阳娜娜 → ***娜: only the last character shows. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${'*'.repeat(chars.length - 1)}${chars.at(-1) ?? ''}`;
}

/** 110105199001011234 → 11**************34: the first two and last two characters show. */
export function maskNumber(value: string): string {
  return value.length <= 4
    ? '*'.repeat(value.length)
    : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

/** 13800001234 → 138****1234. */
export function maskMobile(value: string): string {
  return value.length < 11 ? '*'.repeat(value.length) : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/** zhangsan@example.com → z***@example.com. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at <= 0 ? value : `${value.slice(0, 1)}***${value.slice(at)}`;
}
