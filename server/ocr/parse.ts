/**
 * WeChat's OCR answers (ocr.idcard, ocr.businessLicense) read into core's CertificateFacts
 * (docs/certificate-recognition.md). A cloud call answers in camelCase
 * (`regNum`, `validDate`), the HTTPS API and the local engine in snake_case (`reg_num`,
 * `valid_date`): both are read. Only the fields printed on the image come back, so every field is
 * optional; an answer with nothing we can use is `unreadable`.
 */
import {
  compactNumber,
  LONG_TERM,
  normalizeDate,
  type CertificateFacts,
  type CertificateSide,
} from '@beian/core';

export type Reading =
  { ok: true; facts: CertificateFacts } | { ok: false; problem: 'unreadable' | 'wrong_side' };

type Fields = Record<string, unknown>;

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A text field in either case, trimmed; undefined when absent or empty. */
function text(fields: Fields, snake: string): string | undefined {
  const value = fields[snake] ?? fields[camel(snake)];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function date(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^长期(有效)?$/.test(value)) return LONG_TERM;
  const normalized = normalizeDate(value.replace(/^自/, '').replace(/起$/, ''));
  return /^\d{4}-\d{2}-\d{2}$/.test(normalized) ? normalized : undefined;
}

/** `20070105-20270105`, `2007.01.05-长期`, `2015年01月01日至长期`, `长期` → its two ends. */
export function period(value: string | undefined): { validFrom?: string; validTo?: string } {
  if (value === undefined) return {};
  const parts = value.split(/\s*(?:至|-|—|–|~|－)\s*/).filter((part) => part !== '');
  if (parts.length === 1) {
    const only = date(parts[0]);
    return only === LONG_TERM ? { validTo: LONG_TERM } : {};
  }
  return { validFrom: date(parts[0]), validTo: date(parts[parts.length - 1]) };
}

function defined(facts: CertificateFacts): CertificateFacts {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) if (value !== undefined) kept[key] = value;
  return kept as unknown as CertificateFacts;
}

function idFront(fields: Fields): CertificateFacts {
  const gender = text(fields, 'gender');
  const number = text(fields, 'id');
  return defined({
    side: 'id_front',
    name: text(fields, 'name')?.replace(/\s/g, ''),
    number: number === undefined ? undefined : compactNumber(number),
    address: text(fields, 'addr')?.replace(/\s/g, ''),
    sex: gender === '男' || gender === '女' ? gender : undefined,
    nationality: text(fields, 'nationality'),
  });
}

function idBack(fields: Fields): CertificateFacts {
  return defined({ side: 'id_back', ...period(text(fields, 'valid_date')) });
}

function licence(fields: Fields): CertificateFacts {
  const registeredDate = date(text(fields, 'registered_date'));
  const valid = period(text(fields, 'valid_period'));
  const number = text(fields, 'reg_num');
  return defined({
    side: 'licence',
    name: text(fields, 'enterprise_name'),
    number: number === undefined ? undefined : compactNumber(number),
    address: text(fields, 'address'),
    legalPerson: text(fields, 'legal_representative'),
    businessScope: text(fields, 'business_scope'),
    registeredDate,
    organizationType: text(fields, 'type_of_enterprise') ?? text(fields, 'type_of_organization'),
    // A licence valid 长期 from its registration prints only 长期: it runs from the registered date.
    validFrom: valid.validFrom ?? (valid.validTo === undefined ? undefined : registeredDate),
    validTo: valid.validTo,
  });
}

const USEFUL: Readonly<Record<CertificateSide, readonly (keyof CertificateFacts)[]>> = {
  id_front: ['name', 'number'],
  id_back: ['validTo'],
  licence: ['name', 'number'],
};

/** What the answer says, for the side the photo's form path expects. */
export function readAnswer(side: CertificateSide, fields: Fields): Reading {
  if (side !== 'licence') {
    const type = text(fields, 'type');
    const found = type === 'Front' ? 'id_front' : type === 'Back' ? 'id_back' : null;
    if (found !== null && found !== side) return { ok: false, problem: 'wrong_side' };
  }
  const facts = side === 'id_front' ? idFront(fields) : side === 'id_back' ? idBack(fields) : licence(fields);
  const usable = USEFUL[side].some((key) => facts[key] !== undefined);
  return usable ? { ok: true, facts } : { ok: false, problem: 'unreadable' };
}
