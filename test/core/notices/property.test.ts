/**
 * Whatever the texts — long, empty, emoji, mixed scripts, control characters — and whichever
 * keywords a deployment maps them to, a rendered message never earns 47003.
 */
import fc from 'fast-check';
import {
  fitText,
  KEYWORD_CHOICES,
  renderMessage,
  validateMessage,
  type Notice,
  type TemplateConfig,
  type TextKeywordType,
} from '@beian/core';

/** Texts a filer or a reviewer might type, and some nobody should. */
const textArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n\t',
    '🎉🚀👍🏽',
    '张三 Zhang·San',
    'محمد',
    'ｆｕｌｌ　ｗｉｄｔｈ',
    'a\u200bb',
    '𠮷野家',
  ),
  fc
    .array(
      fc.constantFrom('备案', 'ICP', '😀', ' ', '-', '１２', 'é', '\u0000', '…', '京ICP备2026059598号-1X'),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join('')),
);

const timeArb = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
const labelledArb = fc.record({ text: textArb, phrase: textArb });

const base = { to: 'o-filer-a', applicationId: 'app-1', page: 'pages/progress/index?id=app-1' };
const noticeArb: fc.Arbitrary<Notice> = fc.oneof(
  fc
    .record({ filing: textArb, state: labelledArb, time: timeArb, note: textArb })
    .map((values): Notice => ({ role: 'progress', ...base, values })),
  fc
    .record({ filing: textArb, stage: textArb, result: labelledArb, detail: textArb, time: timeArb })
    .map((values): Notice => ({ role: 'result', ...base, values })),
  fc
    .record({ filing: textArb, task: textArb, deadline: timeArb, note: textArb })
    .map((values): Notice => ({ role: 'todo', ...base, values })),
);

/** A template mapping each value to a random allowed keyword type, numbered 1…n. */
function keywordsArb<R extends keyof typeof KEYWORD_CHOICES>(role: R) {
  const choices: Record<string, readonly string[]> = KEYWORD_CHOICES[role];
  const fields = Object.keys(choices);
  return fc
    .tuple(...fields.map((field) => fc.constantFrom(...(choices[field] ?? []))))
    .map((types) => Object.fromEntries(fields.map((field, index) => [field, `${types[index]}${index + 1}`])));
}

const templatesArb: fc.Arbitrary<TemplateConfig> = fc
  .tuple(keywordsArb('progress'), keywordsArb('result'), keywordsArb('todo'))
  .map(
    ([progress, result, todo]) =>
      ({
        progress: { templateId: 'p', title: '', keywords: progress },
        result: { templateId: 'r', title: '', keywords: result },
        todo: { templateId: 't', title: '', keywords: todo },
      }) as TemplateConfig,
  );

describe('rendered messages', () => {
  it('always pass WeChat’s checks, every keyword filled', () => {
    fc.assert(
      fc.property(noticeArb, templatesArb, (notice, templates) => {
        const message = renderMessage(notice, templates);
        expect(validateMessage(message)).toBeNull();
        expect(Object.keys(message.data).sort()).toEqual(
          Object.values(templates[notice.role].keywords).sort(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('fit any text to any text keyword type', () => {
    const types: TextKeywordType[] = [
      'thing',
      'name',
      'phrase',
      'character_string',
      'number',
      'letter',
      'symbol',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...types), textArb, textArb, (type, text, fallback) => {
        const value = fitText(type, text, fallback);
        const message = { touser: 'o', templateId: 't', page: 'p', data: { [`${type}1`]: { value } } };
        expect(validateMessage(message)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('keep a text that already fits unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9，。]{1,20}$/), (text) => {
        expect(fitText('thing', text)).toBe(text);
      }),
    );
  });
});
