/**
 * Questions about one FilingTables value (is this a subject type, which certificates may it use,
 * what is this district called), answered from maps built once per value and kept while the value
 * lives, so a check on every keystroke stays a few map reads.
 */
import type { CertificateType, PreApprovalType, ServiceType, ServiceTypeGroup, SubjectType } from './enums';
import { regionsIn } from './regions';
import { BUILT_IN_TABLES, type FilingTables, type ServiceGroup } from './tables';

/** 个人: the subject type whose certificates are the individual set (the only set principals use). */
const PERSONAL = 5;

const PLACEHOLDER_CITY = /^(市辖区|县|.*直辖县级行政区划)$/;

function byId<T extends { id: number }>(rows: readonly T[]): ReadonlyMap<number, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function read<T>(map: ReadonlyMap<number, T>, id: unknown): T | undefined {
  return typeof id === 'number' ? map.get(id) : undefined;
}

export class TableLookup {
  private readonly subjects: ReadonlyMap<number, SubjectType>;
  private readonly certificates: ReadonlyMap<number, CertificateType>;
  private readonly services: ReadonlyMap<number, ServiceType>;
  private readonly groups: ReadonlyMap<number, ServiceGroup>;
  private readonly preApprovals: ReadonlyMap<number, PreApprovalType>;
  private grouped: readonly ServiceTypeGroup[] | null = null;

  constructor(readonly tables: FilingTables) {
    this.subjects = byId(tables.subjectTypes);
    this.certificates = byId(tables.certificateTypes);
    this.services = byId(tables.serviceTypes);
    this.groups = byId(tables.serviceGroups);
    this.preApprovals = byId(tables.preApprovalTypes);
  }

  isSubjectType(id: unknown): id is number {
    return read(this.subjects, id) !== undefined;
  }
  subjectTypeName(id: unknown): string {
    return read(this.subjects, id)?.name ?? '';
  }
  /** The certificate types a subject of this type may present (empty for an unknown type). */
  certificateTypesFor(subjectType: unknown): readonly CertificateType[] {
    if (typeof subjectType !== 'number') return [];
    return this.tables.certificateTypes.filter((type) => type.subjectType === subjectType);
  }
  isCertificateType(id: unknown): id is number {
    return read(this.certificates, id) !== undefined;
  }
  isIndividualCertificateType(id: unknown): boolean {
    return read(this.certificates, id)?.subjectType === PERSONAL;
  }
  certificateTypeName(id: unknown): string {
    return read(this.certificates, id)?.name ?? '';
  }

  /** A second-level service type: the only level `applyIcpFiling` accepts. */
  isSelectableServiceType(id: unknown): boolean {
    return read(this.services, id) !== undefined;
  }
  isServiceTypeGroup(id: unknown): boolean {
    return read(this.groups, id) !== undefined;
  }
  /** `餐饮 / 外卖` for a second-level id, the group name for a first-level one, '' otherwise. */
  serviceTypeName(id: unknown): string {
    const type = read(this.services, id);
    if (type) return `${this.groups.get(type.group)?.name ?? ''} / ${type.name}`;
    return read(this.groups, id)?.name ?? '';
  }
  /** The groups with their types, for the two-level picker. */
  serviceTypeGroups(): readonly ServiceTypeGroup[] {
    this.grouped ??= this.tables.serviceGroups.map((group) => ({
      id: group.id,
      name: group.name,
      types: this.tables.serviceTypes.filter((type) => type.group === group.id),
    }));
    return this.grouped;
  }

  isPreApprovalType(id: unknown): id is number {
    return read(this.preApprovals, id) !== undefined;
  }
  preApprovalTypeName(id: unknown): string {
    return read(this.preApprovals, id)?.name ?? '';
  }

  isProvinceCode(code: unknown): code is string {
    return regionsIn.isProvinceCode(this.tables.regions, code);
  }
  isCityCode(code: unknown): code is string {
    return regionsIn.isCityCode(this.tables.regions, code);
  }
  isDistrictCode(code: unknown): code is string {
    return regionsIn.isDistrictCode(this.tables.regions, code);
  }
  regionName(code: unknown): string {
    return regionsIn.name(this.tables.regions, code);
  }
  provinceOf(code: unknown): string {
    return regionsIn.provinceOf(this.tables.regions, code);
  }
  cityOf(code: unknown): string {
    return regionsIn.cityOf(this.tables.regions, code);
  }
  /**
   * A city as a message names it: WeChat's tree calls the city level of 北京 `市辖区` and of some
   * provinces `县` or `…直辖县级行政区划`, which mean nothing alone, so those read as the province.
   */
  cityLabel(code: unknown): string {
    const name = this.regionName(code);
    return PLACEHOLDER_CITY.test(name) ? this.regionName(this.provinceOf(code)) || name : name;
  }
  regionLabel(region: { province: string; city: string; district: string }): string {
    return regionsIn.label(this.tables.regions, region);
  }
}

const lookups = new WeakMap<FilingTables, TableLookup>();

/** The lookup of a tables value, built on first use and kept with the value. */
export function lookupOf(tables: FilingTables): TableLookup {
  let lookup = lookups.get(tables);
  if (!lookup) {
    lookup = new TableLookup(tables);
    lookups.set(tables, lookup);
  }
  return lookup;
}

/** The lookup of BUILT_IN_TABLES: what the module-level helpers (enums.ts) answer from. */
export function builtInLookup(): TableLookup {
  return lookupOf(BUILT_IN_TABLES);
}
