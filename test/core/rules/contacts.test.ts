import { isEmail, isMobile } from '@beian/core';
import { expectEach } from './helpers';

describe('mobile', () => {
  it('accepts 11-digit mainland mobiles from 13x to 19x', () => {
    expectEach(['13800138000', '15912345678', '19912345678', '16612345678'], isMobile, true);
  });

  it('refuses landlines, short numbers, 12x and anything with separators', () => {
    expectEach(
      ['010-12345678', '1380013800', '12800138000', '138 0013 8000', '+8613800138000', '', 13800138000],
      isMobile,
      false,
    );
  });
});

describe('email', () => {
  it('accepts ordinary addresses', () => {
    expectEach(
      ['zhangsan@example.com', 'li.si+beian@mail.example.com.cn', '12345@qq.com', 'a_b-c@x-y.io'],
      isEmail,
      true,
    );
  });

  it('refuses typos', () => {
    expectEach(
      [
        'zhangsan',
        'zhangsan@',
        '@example.com',
        'zhang san@example.com',
        'a..b@example.com',
        'a@example',
        'a@example.c',
        'a@-example.com',
        'a@example.com.',
        '张三@example.com',
      ],
      isEmail,
      false,
    );
  });
});
