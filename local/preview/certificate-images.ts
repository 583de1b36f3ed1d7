/**
 * The sample certificates the preview uploads and the tests read: 张三's ID card (both sides) and
 * the enterprise sample's business licence, printed with the labels real ones carry (姓名,
 * 公民身份号码, 统一社会信用代码, …) and the values of the sample forms (local/sample-forms.ts), so
 * recognition must read back exactly what the forms hold.
 */
import type { IsoDate } from '@beian/core';
import { launchChromium } from './chromium';
import { sampleImage, type SampleImage, type SampleSpec } from './sample-images';

const CARD = { width: 1280, height: 808, certificate: true };

function printedDate(date: IsoDate, separator: '.' | '年'): string {
  const [year, month, day] = date.split('-');
  return separator === '.' ? `${year}.${month}.${day}` : `${year}年${month}月${day}日`;
}

/** 张三's portrait side: the personal sample form's principal. */
export const ID_FRONT: SampleSpec = {
  name: 'id-front.jpg',
  ...CARD,
  lines: [
    '居民身份证（人像面）',
    '姓名 张三',
    '性别 男  民族 汉',
    '出生 1990年3月7日',
    '住址 北京市朝阳区高碑店路181号',
    '公民身份号码 110105199003071239',
  ],
};

/** The national-emblem side, valid from `validFrom` to `validTo` (the story's dates). */
export function idBack(validFrom: IsoDate, validTo: IsoDate): SampleSpec {
  return {
    name: 'id-back.jpg',
    ...CARD,
    lines: [
      '居民身份证（国徽面）',
      '签发机关 北京市公安局朝阳分局',
      `有效期限 ${printedDate(validFrom, '.')}-${printedDate(validTo, '.')}`,
    ],
  };
}

/** The enterprise sample's licence (≥ 1500 × 1100, as the photo rules want for documents). */
export const LICENCE: SampleSpec = {
  name: 'licence.jpg',
  width: 1600,
  height: 1130,
  certificate: true,
  lines: [
    '营业执照',
    '统一社会信用代码 91110108551385082Q',
    '名称 北京示例科技有限公司',
    '类型 有限责任公司（自然人投资或控股）',
    '住所 北京市海淀区中关村大街1号8层801',
    '法定代表人 李四',
    `成立日期 ${printedDate('2013-03-20', '年')}`,
    `营业期限 ${printedDate('2013-03-20', '年')}至长期`,
    '经营范围 技术开发、技术咨询；教育咨询；软件开发',
  ],
};

export interface SampleCertificates {
  idFront: SampleImage;
  idBack: SampleImage;
  licence: SampleImage;
}

/** The three samples as JPEGs, drawn in Debian's Chromium (the bench and the tests read them). */
export async function drawCertificates(validFrom: IsoDate, validTo: IsoDate): Promise<SampleCertificates> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    return {
      idFront: await sampleImage(page, ID_FRONT),
      idBack: await sampleImage(page, idBack(validFrom, validTo)),
      licence: await sampleImage(page, LICENCE),
    };
  } finally {
    await browser.close();
  }
}
