import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'packages/*/dist/',
      'storybook-static/',
      '.data/',
      '.types/',
      'custom-elements.json',
      '.test-dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.mocha },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ...wcConfigs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['CkElement', 'CkFormControl', 'LitElement'] } },
    rules: {
      ...wcConfigs['flat/recommended'].rules,
      // Lit elements set their initial state in field initializers; the constructor is empty.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'stories/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '@checkr-kit/server'] },
            {
              group: ['lit/decorators.js', 'lit/decorators/*'],
              message:
                'Declare reactive properties in `static properties` and query the render root in a getter: the decorators cost about 0.7 KB gzip of the script-tag bundle (issue 18 budgets).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/validation/**/*.ts'],
    rules: {
      // The validation package runs in browsers and on the server; no DOM, no Node.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'lit', 'lit/*', '@checkr-kit/*', '**/server/**'] },
      ],
    },
  },
  {
    // The simulators are a second reading of the docs: they may start a BFF (as a customer's CI
    // does), never borrow the kit's rules (test/server/sandbox-independence.test.ts).
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@checkr-kit/validation',
            '@checkr-kit/validation/*',
            '**/packages/**',
            '**/server/src/**',
          ],
        },
      ],
    },
  },
  {
    // The BFF is what customers deploy: it never carries the simulators or the demo site.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@checkr-kit/sandbox', '@checkr-kit/sandbox/*', '**/sandbox/src/**'] },
      ],
    },
  },
  {
    // Tests read JSON bodies of every shape; typing each one would hide what is asserted.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
