/**
 * The shape of a rule test that runs one check over a list of values: one test per row, each
 * named with its value and the answer expected, so a failure says which value broke.
 */

/** For each row, `answer(input)` is `expected` (compared with toBe). */
export function eachAnswer<I, O>(
  title: string,
  answer: (input: I) => O,
  rows: readonly (readonly [NoInfer<I>, NoInfer<O>])[],
): void {
  it.each(rows)(`${title}: %p is %p`, (input, expected) => {
    expect(answer(input)).toBe(expected);
  });
}
