import type { FilingForm, MiniprogramPrincipal, PersonCertificate, SubjectPrincipal } from './form';

function emptyCertificate(): PersonCertificate {
  return { type: null, number: '', validFrom: '', validTo: '', photoFront: '', photoBack: '' };
}

function emptySubjectPrincipal(): SubjectPrincipal {
  return {
    name: '',
    mobile: '',
    email: '',
    emergencyContact: '',
    certificate: emptyCertificate(),
    isLegalRepresentative: true,
    authorizationLetter: '',
  };
}

function emptyMiniprogramPrincipal(): MiniprogramPrincipal {
  return {
    name: '',
    mobile: '',
    email: '',
    emergencyContact: '',
    certificate: emptyCertificate(),
    sameAsSubjectPrincipal: true,
    isLegalRepresentative: false,
    authorizationLetter: '',
    faceVerification: { method: 'photo', photo: '', verifyId: '', completedAt: '' },
  };
}

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
