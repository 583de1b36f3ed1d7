/**
 * zod's issues in the words a filer or an admin reads: Chinese, naming the field by its label
 * (`主体负责人手机号码最多 20 个字`), on the dotted path the pages and the checks use.
 */
import { fieldLabel, type Issue } from '@beian/core';
import type { core } from 'zod/mini';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
};

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describe(path: string, prefix: string): string {
  const label = fieldLabel(path);
  if (label) return label;
  return path === '' ? '请求' : `${prefix}${path}`;
}

function messageOf(issue: core.$ZodIssue, subject: string): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `缺少${subject}。`;
      return `${subject}格式不正确：应为${TYPE_NAMES[issue.expected] ?? issue.expected}。`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `${subject}最多 ${String(issue.maximum)} 个字。`;
      if (issue.origin === 'array') return `${subject}最多 ${String(issue.maximum)} 项。`;
      return `${subject}不能大于 ${String(issue.maximum)}。`;
    case 'too_small':
      if (issue.origin === 'string') return `${subject}至少 ${String(issue.minimum)} 个字。`;
      if (issue.origin === 'array') return `${subject}至少 ${String(issue.minimum)} 项。`;
      return `${subject}不能小于 ${String(issue.minimum)}。`;
    case 'invalid_value':
      return `${subject}只能是：${issue.values.map(String).join('、')}。`;
    case 'invalid_format':
      return `${subject}格式不正确。`;
    case 'not_multiple_of':
      return `${subject}应为整数。`;
    default:
      return `${subject}填写不正确。`;
  }
}

/**
 * One Issue per zod issue (parse with `reportInput: true`, so a missing value can be told apart
 * from a wrong one) — at most 20. `prefix` names a params path that is not a form path
 * (`参数 `); unknown keys are reported at the object that holds them (`(root)` for the event).
 */
export function issuesOf(error: core.$ZodError, prefix = '参数 '): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues.slice(0, 20)) {
    const base = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys
        .slice(0, 5)
        .map((key) => `「${key.slice(0, 40)}」`)
        .join('、');
      const path = base || '(root)';
      issues.push({ path, code: 'unrecognized_keys', message: `不认识的字段${keys}，请删除后重试。` });
      continue;
    }
    const path = base || '(root)';
    issues.push({ path, code: issue.code, message: messageOf(issue, describe(base, prefix)) });
  }
  return issues;
}
