/** Drops protected and private members: the manifest documents the public API only. */
function publicOnly() {
  return {
    name: 'checkr-kit-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) =>
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.static &&
              !member.name.startsWith('_') &&
              !member.name.startsWith('handle'),
          );
          const names = new Set(declaration.members.map((member) => member.name));
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) => !attribute.fieldName || names.has(attribute.fieldName),
          );
        }
      }
    },
  };
}

/** The manifest Storybook's docs pages and editors read, generated from the components' JSDoc. */
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts', 'packages/validation/**', 'packages/bundle.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [publicOnly()],
};
