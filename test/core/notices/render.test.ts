/** Notices rendered into templates: the values a filer reads, fitted to each keyword's rule. */
import {
  DEFAULT_TEMPLATES,
  fitText,
  renderMessage,
  validateMessage,
  type Notice,
  type TemplateConfig,
} from '@beian/core';

const progress: Notice = {
  role: 'progress',
  to: 'o-filer-a',
  applicationId: 'app-1',
  page: 'pages/progress/index?id=app-1',
  values: {
    filing: '三哥记账本',
    state: { text: '平台初审中', phrase: '平台初审中' },
    time: '2026-09-30T02:00:00.000Z',
    note: '预计10月9日前出初审结果',
  },
};

const result: Notice = {
  role: 'result',
  to: 'o-filer-a',
  applicationId: 'app-1',
  page: 'pages/progress/index?id=app-1',
  values: {
    filing: '三哥记账本',
    stage: '通管局审核',
    result: { text: '审核未通过', phrase: '未通过' },
    detail: '3项需修改：主体负责人手机号与身份证登记的实名信息不一致',
    time: '2026-10-20T08:30:00.000Z',
  },
};

describe('renderMessage', () => {
  it('fills the progress template: Beijing time, the state as a phrase', () => {
    expect(renderMessage(progress, DEFAULT_TEMPLATES)).toEqual({
      touser: 'o-filer-a',
      templateId: 'REPLACE-ME-progress',
      page: 'pages/progress/index?id=app-1',
      data: {
        thing1: { value: '三哥记账本' },
        phrase2: { value: '平台初审中' },
        time3: { value: '2026年9月30日 10:00' },
        thing4: { value: '预计10月9日前出初审结果' },
      },
    });
  });

  it('cuts a long reason to 20 characters with an ellipsis', () => {
    const message = renderMessage(result, DEFAULT_TEMPLATES);
    expect(message.data.thing4?.value).toBe('3项需修改：主体负责人手机号与身份证登…');
    expect([...(message.data.thing4?.value ?? '')]).toHaveLength(20);
    expect(message.data.phrase3?.value).toBe('未通过');
    expect(validateMessage(message)).toBeNull();
  });

  it('uses the long label where a template shows the state as a thing, and dates for date keywords', () => {
    const templates: TemplateConfig = {
      ...DEFAULT_TEMPLATES,
      progress: {
        templateId: 'p',
        title: '进度',
        keywords: { state: 'thing2', time: 'date5', filing: 'name1' },
      },
    };
    expect(renderMessage(progress, templates).data).toEqual({
      thing2: { value: '平台初审中' },
      date5: { value: '2026年9月30日' },
      name1: { value: '三哥记账本' },
    });
  });

  it('never sends an empty value: a nameless filing falls back to a readable text', () => {
    const nameless: Notice = { ...progress, values: { ...progress.values, filing: ' ', note: '🎉🎉' } };
    const data = renderMessage(nameless, DEFAULT_TEMPLATES).data;
    expect(data.thing1?.value).toBe('小程序备案');
    expect(data.thing4?.value).toBe('详见小程序');
  });
});

describe('fitText', () => {
  it.each([
    ['thing', '  多个   空格\n和换行  ', '多个 空格 和换行'],
    ['phrase', '已通过!', '已通过'],
    ['name', '一二三四五六七八九十一二', '一二三四五六七八九十'],
    ['name', 'Zhang San 3', 'Zhang San'],
    ['character_string', '京ICP备2026059598号-1X', 'ICP2026059598-1X'],
    ['number', '第12.50项', '12.50'],
    ['letter', 'abc123def', 'abcdef'],
    ['symbol', 'a-b+c*d/e%f', '-+*/%'],
  ] as const)('fits %s: %j → %j', (type, text, fitted) => {
    expect(fitText(type, text)).toBe(fitted);
  });
});
