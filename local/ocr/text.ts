/**
 * Text that tesseract read off a certificate, parsed into the fields WeChat's OCR answers over
 * HTTPS (snake_case): ocr.idcard's `type`, `name`, `id`, `addr`, `gender`, `nationality`,
 * `valid_date`, and ocr.businessLicense's `reg_num`, `enterprise_name`, `legal_representative`, … .
 * The certificates print a label before each value (姓名, 公民身份号码, 统一社会信用代码, …), so each
 * field is the text after its label; a value that wraps (an address, the business scope) runs on
 * until the next label. Only the fields found are returned, as WeChat does.
 */

export type OcrFields = Record<string, string>;

/** Lines without the spaces tesseract puts between Chinese characters. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line !== '');
}

const ID_LABELS = /^(姓名|性别|民族|出生|住址|公民身份号码|签发机关|有效期限)/;
const LICENCE_LABELS =
  /^(统一社会信用代码|注册号|名称|类型|住所|经营场所|主要经营场所|法定代表人|经营者|负责人|执行事务合伙人|注册资本|成立日期|注册日期|营业期限|经营期限|经营范围|登记机关)/;

/** The text after `label` on its line, and on the lines after it that start with no label. */
function after(lines: readonly string[], label: RegExp, labels: RegExp, wraps: boolean): string | undefined {
  const index = lines.findIndex((line) => label.test(line));
  if (index < 0) return undefined;
  const line = lines[index] ?? '';
  let value = line.replace(label, '').replace(/^[:：]/, '');
  if (wraps) {
    for (const next of lines.slice(index + 1)) {
      if (labels.test(next)) break;
      value += next;
    }
  }
  return value === '' ? undefined : value;
}

/**
 * Brackets and separators the way certificates print them (tesseract mixes widths), without the
 * stray full stop it reads after a line's end.
 */
function printed(value: string): string {
  return value
    .replace(/[(〈《]/g, '（')
    .replace(/[)〉》]/g, '）')
    .replace(/;/g, '；')
    .replace(/,/g, '，')
    .replace(/[。.，、；]+$/, '');
}

function compactDate(value: string): string | null {
  const found = /^(\d{4})[.\-/年]?(\d{1,2})[.\-/月]?(\d{1,2})日?$/.exec(value);
  if (!found) return null;
  return `${found[1]}${(found[2] ?? '').padStart(2, '0')}${(found[3] ?? '').padStart(2, '0')}`;
}

/** `2020.03.01-2040.03.01` → `20200301-20400301`; an end of 长期 stays 长期. */
function validDate(value: string): string | undefined {
  const [from, to] = value.split(/[-—–~至]+/);
  const start = compactDate(from ?? '');
  const end = to === '长期' ? '长期' : compactDate(to ?? '');
  return start !== null && end !== null ? `${start}-${end}` : undefined;
}

function put(fields: OcrFields, key: string, value: string | undefined): void {
  if (value !== undefined && value !== '') fields[key] = value;
}

/** Either side of a resident ID card; empty when the text is neither. */
export function idCardFields(text: string): OcrFields {
  const lines = linesOf(text);
  const fields: OcrFields = {};
  const number = /公民身份号码([0-9Xx×]{18})/.exec(lines.join(''))?.[1];
  const name = after(lines, /^姓名/, ID_LABELS, false);
  if (number !== undefined || name !== undefined) {
    fields.type = 'Front';
    put(fields, 'name', name);
    put(fields, 'id', number?.toUpperCase().replace('×', 'X'));
    put(fields, 'gender', /性别(男|女)/.exec(lines.join(''))?.[1]);
    put(fields, 'nationality', /民族([^\d出住]{1,8}?)(?=出生|住址|$)/.exec(lines.join(''))?.[1]);
    put(fields, 'addr', after(lines, /^住址/, ID_LABELS, true));
    return fields;
  }
  const period = after(lines, /^有效期限/, ID_LABELS, false);
  if (period !== undefined || lines.some((line) => line.startsWith('签发机关'))) {
    fields.type = 'Back';
    put(fields, 'valid_date', period === undefined ? undefined : validDate(period));
  }
  return fields;
}

/** A business licence (营业执照); empty when the text has neither its name nor its code. */
export function licenceFields(text: string): OcrFields {
  const lines = linesOf(text);
  const read = (label: RegExp, wraps = false): string | undefined => {
    const value = after(lines, label, LICENCE_LABELS, wraps);
    return value === undefined ? undefined : printed(value);
  };
  const fields: OcrFields = {};
  put(fields, 'reg_num', /(?:统一社会信用代码|注册号)([0-9A-Z]{15,18})/.exec(lines.join(''))?.[1]);
  put(fields, 'enterprise_name', read(/^名称/));
  if (Object.keys(fields).length === 0) return fields;
  put(fields, 'type_of_enterprise', read(/^类型/));
  put(fields, 'address', read(/^(住所|经营场所|主要经营场所)/, true));
  put(fields, 'legal_representative', read(/^(法定代表人|经营者|负责人|执行事务合伙人)/));
  put(fields, 'registered_capital', read(/^注册资本/));
  put(fields, 'registered_date', read(/^(成立日期|注册日期)/));
  put(fields, 'valid_period', read(/^(营业期限|经营期限)/));
  put(fields, 'business_scope', read(/^经营范围/, true));
  return fields;
}
