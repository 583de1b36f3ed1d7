import 'miniprogram-simulate';
import fc from 'fast-check';
import { anchorOf, isFocused } from '../../../miniprogram/components/field-kit';
import { render } from '../../helpers/simulate';

/**
 * A field control's anchor id and jump mark are derived in WXML by components/field.wxs, while the
 * scroll to the field (field-kit.ts) looks the anchor up with anchorOf: the two must agree, or a
 * "去修改" jump lands nowhere. Checked on the real compiled WXS, through a rendered text field.
 */
type Rendered = ReturnType<typeof render>;

function marks(field: Rendered, path: string): { found: boolean; focused: boolean } {
  const node = field.querySelector(`#${anchorOf(path)}`);
  return { found: node !== undefined, focused: node?.dom?.className.includes('text-field--focus') ?? false };
}

const segment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
const index = fc.nat({ max: 12 });
/** Form paths as the page and the checks write them: dots, indexes as `.0` or `[0]`. */
const formPath = fc
  .tuple(
    segment,
    fc.array(
      fc.oneof(
        segment,
        index.map(String),
        index.map((i) => `[${i}]`),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([head, rest]) =>
    rest.reduce((path, part) => (part.startsWith('[') ? path + part : `${path}.${part}`), head),
  );

describe('field.wxs', () => {
  it('gives the ids the page scrolls to, for the form’s own paths', () => {
    const field = render('components/text-field/index', { path: 'miniprogram.preApprovals[0].code' });
    expect(field.querySelector('#f-miniprogram-preApprovals-0-code')).toBeTruthy();
    field.setData({ path: 'subject.principal.mobile' });
    expect(field.querySelector('#f-subject-principal-mobile')).toBeTruthy();
  });

  it('marks the field the page jumps to, and the control holding it', () => {
    const field = render('components/text-field/index', { path: 'subject.region', focusPath: '' });
    expect(marks(field, 'subject.region').focused).toBe(false);
    field.setData({ focusPath: 'subject.region.district' });
    expect(marks(field, 'subject.region').focused).toBe(true);
    field.setData({ focusPath: 'subject.regionNote' });
    expect(marks(field, 'subject.region').focused).toBe(false);
  });

  it('agrees with anchorOf and isFocused on any path', () => {
    const field = render('components/text-field/index', { path: 'subject.name' });
    // The page's focus: elsewhere, nowhere, this field, inside it, or a field whose name extends it.
    const jump = (path: string) =>
      fc.oneof(
        formPath,
        fc.constant(''),
        fc.constant(path),
        segment.map((inner) => `${path}.${inner}`),
        segment.map((suffix) => `${path}${suffix}`),
      );
    fc.assert(
      fc.property(
        formPath.chain((path) => fc.tuple(fc.constant(path), jump(path))),
        ([path, focusPath]) => {
          field.setData({ path, focusPath });
          expect(marks(field, path)).toEqual({ found: true, focused: isFocused(path, focusPath) });
        },
      ),
      { numRuns: 200 },
    );
  });
});
