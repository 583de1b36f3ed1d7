/**
 * WeChat's OCR for back-end tests: answers a test scripts, in the shapes WeChat documents — a
 * cloud call's camelCase (`validDate`, `regNum`) or the HTTPS API's snake_case — or an errcode.
 * Unscripted calls answer 101002 (not recognized), so a test never passes on an answer it did not give.
 */
import type { CertificateKind, CertificateReader, FileContent, OcrAnswer } from '../../../server/ports';

/** ocr.idcard on 张三's portrait side, as a cloud call answers (camelCase, errCode 0). */
export const ID_FRONT_CLOUD = {
  errCode: 0,
  errMsg: 'openapi.ocr.idcard:ok',
  type: 'Front',
  name: '张三',
  id: '110105199003071239',
  addr: '北京市朝阳区高碑店路181号',
  gender: '男',
  nationality: '汉',
};

/** 张三's portrait side in the form's words: what reading ID_FRONT_CLOUD, or the sample card, gives. */
export const ID_FRONT_FACTS = {
  side: 'id_front',
  name: '张三',
  number: '110105199003071239',
  address: '北京市朝阳区高碑店路181号',
  sex: '男',
  nationality: '汉',
};

/** The sample company's licence in the form's words: what reading LICENCE_CLOUD gives. */
export const LICENCE_FACTS = {
  side: 'licence',
  name: '北京示例科技有限公司',
  number: '91110108551385082Q',
  address: '北京市海淀区中关村大街1号8层801',
  legalPerson: '李四',
  businessScope: '技术开发、技术咨询；软件开发',
  registeredDate: '2013-03-20',
  organizationType: '有限责任公司（自然人投资或控股）',
  validFrom: '2013-03-20',
  validTo: '长期',
};

/** ocr.idcard on the national-emblem side, over HTTPS (snake_case). */
export const ID_BACK_HTTPS = { errcode: 0, errmsg: 'ok', type: 'Back', valid_date: '20200301-20400301' };

/** ocr.businessLicense, as a cloud call answers. */
export const LICENCE_CLOUD = {
  errCode: 0,
  errMsg: 'openapi.ocr.businessLicense:ok',
  regNum: '91110108551385082Q',
  serial: '110108000000001',
  legalRepresentative: '李四',
  enterpriseName: '北京示例科技有限公司',
  typeOfOrganization: '有限责任公司（自然人投资或控股）',
  address: '北京市海淀区中关村大街1号8层801',
  typeOfEnterprise: '有限责任公司（自然人投资或控股）',
  businessScope: '技术开发、技术咨询；软件开发',
  registeredCapital: '100万元',
  paidInCapital: '',
  validPeriod: '2013年03月20日至长期',
  registeredDate: '2013年03月20日',
  certPosition: { pos: { leftTop: { x: 1, y: 1 } } },
  imgSize: { w: 1600, h: 1130 },
};

export class ScriptedReader implements CertificateReader {
  private readonly script: OcrAnswer[] = [];
  readonly calls: { kind: CertificateKind; bytes: number; contentType: string }[] = [];

  /** The next answers, in order: a documented body, or an errcode. */
  answer(...answers: (Record<string, unknown> | number)[]): void {
    for (const answer of answers) {
      this.script.push(
        typeof answer === 'number'
          ? { ok: false, errCode: answer, errMsg: `errcode ${answer}` }
          : { ok: true, fields: answer },
      );
    }
  }

  async read(kind: CertificateKind, image: FileContent): Promise<OcrAnswer> {
    this.calls.push({ kind, bytes: image.bytes.byteLength, contentType: image.contentType });
    return this.script.shift() ?? { ok: false, errCode: 101002, errMsg: 'nothing scripted' };
  }
}
