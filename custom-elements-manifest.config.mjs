/** The manifest Storybook's docs pages and editors read, generated from the components' JSDoc. */
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts', 'packages/validation/**', 'packages/bundle.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
