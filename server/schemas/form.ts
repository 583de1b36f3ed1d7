/**
 * The filing form at the boundary: a zod schema typed against the core model (`z.ZodMiniType<FilingForm>`
 * fails to compile when the model and the schema drift) whose per-field kinds and length limits come
 * from core's FIELD_SPECS. Only storage bounds live here; the filing rules are core's `check`.
 */
import { expandPattern, FIELD_SPECS, type FieldSpec, type FilingForm } from '@beian/core';
import * as z from 'zod/mini';

/** The paths the schema covers, collected as it is built. */
const covered = new Set<string>();

function specOf(path: string, kinds: readonly FieldSpec['kind'][]): FieldSpec {
  const spec = FIELD_SPECS[path];
  if (!spec || !kinds.includes(spec.kind)) {
    throw new Error(`form schema: ${path} is not a ${kinds.join('/')} field in FIELD_SPECS`);
  }
  covered.add(path);
  return spec;
}

const DEFAULT_MAX_LENGTH = 200;

function text(path: string) {
  const spec = specOf(path, ['text', 'date', 'file']);
  return z.string().check(z.maxLength(spec.maxLength ?? DEFAULT_MAX_LENGTH));
}

function choice<const T extends readonly [string, ...string[]]>(path: string, values: T) {
  const spec = specOf(path, ['text']);
  if (JSON.stringify(spec.values) !== JSON.stringify(values)) {
    throw new Error(`form schema: ${path} values differ from FIELD_SPECS`);
  }
  return z.enum(values);
}

function enumId(path: string) {
  specOf(path, ['enum']);
  return z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)));
}

function flag(path: string) {
  specOf(path, ['boolean']);
  return z.boolean();
}

function files(path: string) {
  const spec = specOf(path, ['files']);
  return z
    .array(z.string().check(z.maxLength(spec.maxLength ?? DEFAULT_MAX_LENGTH)))
    .check(z.maxLength(spec.maxItems ?? 10));
}

function numbers(path: string) {
  const spec = specOf(path, ['numbers']);
  return z
    .array(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)))
    .check(z.maxLength(spec.maxItems ?? 10));
}

function certificate(prefix: string) {
  return z.strictObject({
    type: enumId(`${prefix}.type`),
    number: text(`${prefix}.number`),
    validFrom: text(`${prefix}.validFrom`),
    validTo: text(`${prefix}.validTo`),
    photoFront: text(`${prefix}.photoFront`),
    photoBack: text(`${prefix}.photoBack`),
  });
}

function person(prefix: string) {
  return {
    name: text(`${prefix}.name`),
    mobile: text(`${prefix}.mobile`),
    email: text(`${prefix}.email`),
    emergencyContact: text(`${prefix}.emergencyContact`),
    certificate: certificate(`${prefix}.certificate`),
  };
}

const subject = () =>
  z.strictObject({
    type: enumId('subject.type'),
    name: text('subject.name'),
    region: z.strictObject({
      province: text('subject.region.province'),
      city: text('subject.region.city'),
      district: text('subject.region.district'),
    }),
    address: text('subject.address'),
    comment: text('subject.comment'),
    certificate: z.strictObject({
      type: enumId('subject.certificate.type'),
      number: text('subject.certificate.number'),
      address: text('subject.certificate.address'),
      validFrom: text('subject.certificate.validFrom'),
      validTo: text('subject.certificate.validTo'),
      photo: text('subject.certificate.photo'),
    }),
    residencePermit: text('subject.residencePermit'),
    legalPerson: z.strictObject({
      name: text('subject.legalPerson.name'),
      idNumber: text('subject.legalPerson.idNumber'),
    }),
    principal: z.strictObject({
      ...person('subject.principal'),
      isLegalRepresentative: flag('subject.principal.isLegalRepresentative'),
      authorizationLetter: text('subject.principal.authorizationLetter'),
    }),
  });

const FACE = 'miniprogram.principal.faceVerification';

const miniprogram = () =>
  z.strictObject({
    appid: text('miniprogram.appid'),
    name: text('miniprogram.name'),
    serviceTypes: numbers('miniprogram.serviceTypes'),
    comment: text('miniprogram.comment'),
    preApprovals: z
      .array(
        z.strictObject({
          type: enumId('miniprogram.preApprovals[].type'),
          code: text('miniprogram.preApprovals[].code'),
          media: text('miniprogram.preApprovals[].media'),
        }),
      )
      .check(z.maxLength(13)),
    principal: z.strictObject({
      ...person('miniprogram.principal'),
      sameAsSubjectPrincipal: flag('miniprogram.principal.sameAsSubjectPrincipal'),
      // Defaulted: a form saved before these existed, sent back whole, still fits.
      isLegalRepresentative: z._default(flag('miniprogram.principal.isLegalRepresentative'), false),
      authorizationLetter: z._default(text('miniprogram.principal.authorizationLetter'), ''),
      faceVerification: z.strictObject({
        method: choice(`${FACE}.method`, ['photo', 'wechat']),
        photo: text(`${FACE}.photo`),
        verifyId: text(`${FACE}.verifyId`),
        completedAt: text(`${FACE}.completedAt`),
      }),
    }),
  });

const materials = () =>
  z.strictObject({
    commitmentLetter: files('materials.commitmentLetter'),
    authenticityCommitmentLetter: files('materials.authenticityCommitmentLetter'),
    businessNameChangeLetter: files('materials.businessNameChangeLetter'),
    websiteConstructionProposal: files('materials.websiteConstructionProposal'),
    partyBuildingConfirmationLetter: files('materials.partyBuildingConfirmationLetter'),
    holdingCertificatePhoto: files('materials.holdingCertificatePhoto'),
    promiseVideo: files('materials.promiseVideo'),
    authenticityResponsibilityLetter: files('materials.authenticityResponsibilityLetter'),
    subjectOtherMaterials: files('materials.subjectOtherMaterials'),
    appletsOtherMaterials: files('materials.appletsOtherMaterials'),
  });

let built: z.ZodMiniType<FilingForm> | null = null;

function buildForm(): z.ZodMiniType<FilingForm> {
  built ??= z.strictObject({ subject: subject(), miniprogram: miniprogram(), materials: materials() });
  return built;
}

/**
 * Built on its first parse: about a hundred schemas that only draft.save and filing.submit use
 * were a measurable part of every cold start (docs/benchmarks.md § Cold start). `z.lazy` parses
 * exactly as the schema it wraps.
 */
export const formSchema: z.ZodMiniType<FilingForm> = z.lazy(buildForm);

function paths(): ReadonlySet<string> {
  buildForm();
  return covered;
}

/** The paths the schema covers (reading them builds it); a test holds them equal to FIELD_SPECS' keys. */
export const SCHEMA_PATHS: ReadonlySet<string> = {
  get size() {
    return paths().size;
  },
  has: (path) => paths().has(path),
  forEach: (each, self) => paths().forEach(each, self),
  entries: () => paths().entries(),
  keys: () => paths().keys(),
  values: () => paths().values(),
  [Symbol.iterator]: () => paths().values(),
};

/** Every file id in a form with its concrete path (`miniprogram.preApprovals.0.media`). */
export function fileLeaves(form: FilingForm): { path: string; fileId: string }[] {
  const found: { path: string; fileId: string }[] = [];
  for (const [pattern, spec] of Object.entries(FIELD_SPECS)) {
    if (spec.kind !== 'file' && spec.kind !== 'files') continue;
    for (const [path, value] of expandPattern(form, pattern)) {
      if (typeof value === 'string') found.push({ path, fileId: value });
      if (Array.isArray(value))
        value.forEach((id, i) => found.push({ path: `${path}.${i}`, fileId: String(id) }));
    }
  }
  return found.filter((leaf) => leaf.fileId !== '');
}
