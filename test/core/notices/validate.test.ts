/** WeChat's keyword rules as validateMessage applies them: what passes and what earns 47003. */
import { validateMessage, type SubscribeMessage } from '@beian/core';

const message = (data: Record<string, string>): SubscribeMessage => ({
  touser: 'o-filer-a',
  templateId: 'tmpl',
  page: 'pages/progress/index?id=a',
  data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
});

const accepts = (key: string, value: string) => expect(validateMessage(message({ [key]: value }))).toBeNull();
const rejects = (key: string, value: string, problem = 'invalid') =>
  expect(validateMessage(message({ [key]: value }))).toEqual({
    errCode: 47003,
    errMsg: `argument invalid! data.${key}.value ${problem}`,
  });

describe('validateMessage', () => {
  it.each([
    ['thing1', '三哥记账本（个人版）：收支记录A1'],
    ['thing1', '一二三四五六七八九十一二三四五六七八九…'],
    ['number2', '12345678901234567890123456789012'],
    ['number2', '3.14'],
    ['letter3', 'ABCdef'],
    ['symbol4', '-+*/%'],
    ['character_string5', 'ICP-2026_05/9598#1X'],
    ['time6', '2026年10月1日 15:01'],
    ['time6', '15:01'],
    ['time6', '2026年10月1日 15:01~2026年10月2日 18:00'],
    ['date7', '2026年10月1日'],
    ['date7', '2026-10-01 15:01'],
    ['amount8', '¥199.00元'],
    ['phone_number9', '+86-10-12345678'],
    ['car_number10', '粤B12345'],
    ['name11', '张三'],
    ['name11', '欧阳·娜娜'],
    ['name11', 'John Smith-Jones'],
    ['phrase12', '平台初审中'],
  ])('accepts %s = %j', accepts);

  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一'], // 21 characters
    ['thing1', '好评👍'], // emoji
    ['thing1', 'line\nbreak'],
    ['number2', '1'.repeat(33)],
    ['number2', '12a'],
    ['letter3', 'abc1'],
    ['symbol4', '!!!!!!'],
    ['symbol4', 'a'],
    ['character_string5', '京ICP备2026059598号-1X'],
    ['character_string5', 'a'.repeat(33)],
    ['character_string5', 'with space'],
    ['time6', '2026-10-01T15:01:00Z'],
    ['time6', '明天下午'],
    ['date7', '10/01/2026'],
    ['name11', '一二三四五六七八九十一'], // 11 Chinese characters
    ['name11', 'A'.repeat(21)],
    ['name11', '张三2号'],
    ['phrase12', '平台初审未通过'], // 7 characters
    ['phrase12', '已通过!'],
    ['phrase12', 'OK'],
    ['mystery13', 'x'],
  ])('rejects %s = %j', (key, value) => rejects(key, value));

  it('rejects an empty or blank value as empty', () => {
    rejects('thing1', '', 'empty');
    rejects('thing1', ' \u3000 ', 'empty');
    rejects('phrase2', '', 'empty');
  });

  it('names the first bad keyword, as WeChat does', () => {
    expect(validateMessage(message({ thing1: '好', phrase2: '太长的短语不行', time3: 'x' }))?.errMsg).toBe(
      'argument invalid! data.phrase2.value invalid',
    );
  });
});
