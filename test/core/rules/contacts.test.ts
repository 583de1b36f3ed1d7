import { isEmail, isMobile } from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

describe('mobile', () => {
  eachAnswer('accepts 11-digit mainland mobiles from 13x to 19x', isMobile, [
    ['13800138000', true],
    ['15912345678', true],
    ['19912345678', true],
    ['16612345678', true],
  ]);

  eachAnswer('refuses landlines, short numbers, 12x and anything with separators', isMobile, [
    ['010-12345678', false],
    ['1380013800', false],
    ['12800138000', false],
    ['138 0013 8000', false],
    ['+8613800138000', false],
    ['', false],
    [13800138000, false],
  ]);
});

describe('email', () => {
  eachAnswer('accepts ordinary addresses', isEmail, [
    ['zhangsan@example.com', true],
    ['li.si+beian@mail.example.com.cn', true],
    ['12345@qq.com', true],
    ['a_b-c@x-y.io', true],
  ]);

  eachAnswer('refuses typos', isEmail, [
    ['zhangsan', false],
    ['zhangsan@', false],
    ['@example.com', false],
    ['zhang san@example.com', false],
    ['a..b@example.com', false],
    ['a@example', false],
    ['a@example.c', false],
    ['a@-example.com', false],
    ['a@example.com.', false],
    ['张三@example.com', false],
  ]);
});
