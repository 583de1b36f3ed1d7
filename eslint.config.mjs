// ESLint flat config: typescript-eslint's strict rules everywhere, no `any`, and the mini-program's
// globals (wx, App, Page, Component, getApp) only where mini-program code runs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'core/dist/',
      'core/dist-mp/',
      'core/types/',
      'miniprogram/miniprogram_npm/',
      'miniprogram/*/miniprogram_npm/',
      '.beian/',
      'coverage/',
      'docs/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      complexity: ['error', 15],
      // issue 14: a file holds one concern, at most 300 lines of code. Blank lines and comments are
      // not counted, so a comment that says why never costs a split.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['miniprogram/**/*.ts', 'local/preview/browser/**/*.ts'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Data tables, whose length is the data's: generated (regions, holidays) or WeChat's snapshot,
    // replaced row for row on a refresh.
    files: [
      'core/src/data/regions.generated.ts',
      'core/src/calendar/holidays-data.ts',
      'core/src/data/wechat-enums.ts',
    ],
    rules: { 'max-lines': 'off' },
  },
  {
    // A test file is one subject's cases and its fixtures, as long as they take.
    files: ['test/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
);
