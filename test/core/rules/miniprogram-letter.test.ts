/**
 * The mini-program principal's authorization letter: WeChat requires it when that principal is
 * not the legal representative of a non-personal subject (`icp_applets.principal_info
 * .authorization_letter`). The same person as the subject principal stands as they do.
 */
import { check, materialsChecklist, miniprogramPrincipalIsDelegate } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

const today = '2026-12-06';
const errorsAt = (form: ReturnType<typeof enterpriseForm>, path: string) =>
  check({ kind: 'new', cancelScope: null, form }, { today }).errors.filter((issue) => issue.path === path);

describe("the mini-program principal's authorization letter", () => {
  it('is required from a colleague who is not the legal representative', () => {
    const form = enterpriseForm();
    form.miniprogram.principal.authorizationLetter = '';
    expect(errorsAt(form, 'miniprogram.principal.authorizationLetter')).toHaveLength(1);
    expect(
      materialsChecklist({ kind: 'new', cancelScope: null, form }).find(
        (item) => item.path === 'miniprogram.principal.authorizationLetter',
      ),
    ).toMatchObject({ required: true, provided: 0 });
  });

  it('is not asked of the legal representative, nor of a personal filing', () => {
    const form = enterpriseForm();
    form.miniprogram.principal.isLegalRepresentative = true;
    form.miniprogram.principal.authorizationLetter = '';
    expect(errorsAt(form, 'miniprogram.principal.authorizationLetter')).toEqual([]);
    expect(miniprogramPrincipalIsDelegate(form)).toBe(false);
    expect(miniprogramPrincipalIsDelegate(personalForm())).toBe(false);
  });

  it("follows the subject principal's case when they are the same person", () => {
    const form = enterpriseForm();
    form.miniprogram.principal.sameAsSubjectPrincipal = true;
    expect(miniprogramPrincipalIsDelegate(form)).toBe(false);
    form.subject.principal.isLegalRepresentative = false;
    expect(miniprogramPrincipalIsDelegate(form)).toBe(true);
    // Their letter is the subject principal's: nothing more to upload.
    expect(errorsAt(form, 'miniprogram.principal.authorizationLetter')).toEqual([]);
  });
});
