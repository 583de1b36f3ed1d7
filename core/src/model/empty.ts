import type { FormListPattern } from './specs';
import type {
  FilingForm,
  MiniprogramPrincipal,
  PersonCertificate,
  PreApproval,
  Principal,
  SubjectPrincipal,
} from './form';

function emptyCertificate(): PersonCertificate {
  return { type: null, number: '', validFrom: '', validTo: '', photoFront: '', photoBack: '' };
}

/** What both principals have, empty: a principal's own fields are added after these. */
function emptyPrincipal(): Principal {
  return { name: '', mobile: '', email: '', emergencyContact: '', certificate: emptyCertificate() };
}

function emptySubjectPrincipal(): SubjectPrincipal {
  return { ...emptyPrincipal(), isLegalRepresentative: true, authorizationLetter: '' };
}

function emptyMiniprogramPrincipal(): MiniprogramPrincipal {
  return {
    ...emptyPrincipal(),
    sameAsSubjectPrincipal: true,
    isLegalRepresentative: false,
    authorizationLetter: '',
    faceVerification: { method: 'photo', photo: '', verifyId: '', completedAt: '' },
  };
}

/** A pre-approval item with nothing filled in. */
export function emptyPreApproval(): PreApproval {
  return { type: null, code: '', media: '' };
}

/**
 * An empty item of each list of objects: with emptyForm(), the shape the form tree is walked from
 * (./tree.ts). FormListPattern makes a new list need its item here.
 */
export const EMPTY_ITEMS: { readonly [P in FormListPattern]: () => object } = {
  'miniprogram.preApprovals': emptyPreApproval,
};

/** A new form: every path present, nothing filled in. */
export function emptyForm(): FilingForm {
  return {
    subject: {
      type: null,
      name: '',
      region: { province: '', city: '', district: '' },
      address: '',
      comment: '',
      certificate: { type: null, number: '', address: '', validFrom: '', validTo: '', photo: '' },
      residencePermit: '',
      legalPerson: { name: '', idNumber: '' },
      principal: emptySubjectPrincipal(),
    },
    miniprogram: {
      appid: '',
      name: '',
      serviceTypes: [],
      comment: '',
      preApprovals: [],
      principal: emptyMiniprogramPrincipal(),
    },
    materials: {
      commitmentLetter: [],
      authenticityCommitmentLetter: [],
      businessNameChangeLetter: [],
      websiteConstructionProposal: [],
      partyBuildingConfirmationLetter: [],
      holdingCertificatePhoto: [],
      promiseVideo: [],
      authenticityResponsibilityLetter: [],
      subjectOtherMaterials: [],
      appletsOtherMaterials: [],
    },
  };
}
