import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { build, defineConfig, type Plugin, type ResolvedConfig, type UserConfig } from 'vite';

/**
 * Storybook uses the shared part. Two kinds of build, chosen by `--mode` (scripts/build.mjs runs them all):
 * - `bundle`: `dist/checkr-kit.js`, one self-contained ES module (Lit included) for
 *   `<script type="module" src=…>` embedding; it registers every element. Then (`bundle-pay-embed`)
 *   `dist/checkr-kit-pay-embed.js`, the same for `ck-pay-embed` alone.
 * - `lib:<package>`: `packages/<package>/dist/`, ESM for npm users, with Lit and the sibling
 *   packages left as imports so bundlers share one copy and tree-shake.
 */
const packages = ['validation', 'core', 'apply-flow', 'pay-embed'] as const;

const shared: UserConfig = {
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'default'] },
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** The script-tag files: one self-contained ES module each (Lit included), built one at a time. */
const scriptTags = {
  bundle: { input: 'packages/bundle.ts', file: 'checkr-kit.js' },
  'bundle-pay-embed': { input: 'packages/bundle-pay-embed.ts', file: 'checkr-kit-pay-embed.js' },
} as const;

/**
 * Builds `checkr-kit-pay-embed.js` into the same directory after `checkr-kit.js`, so whatever
 * builds the script-tag bundle (npm run build, npm start, the test servers) has both: one Rollup
 * build with two inputs would split out a shared chunk instead of two self-contained files.
 * Not when the bundle mode is given another entry (the size bench measuring one element).
 */
function payEmbedScript(): Plugin {
  let resolved: ResolvedConfig;
  return {
    name: 'checkr-kit-pay-embed-script',
    apply: 'build',
    configResolved(config) {
      resolved = config;
    },
    async closeBundle() {
      if (resolved.build.rollupOptions.input !== scriptTags.bundle.input) return;
      await build({
        root: resolved.root,
        configFile: resolved.configFile,
        mode: 'bundle-pay-embed',
        logLevel: resolved.logLevel,
        build: {
          outDir: resolved.build.outDir,
          emptyOutDir: false,
          sourcemap: resolved.build.sourcemap,
        },
      });
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle' || mode === 'bundle-pay-embed') {
    const { input, file } = scriptTags[mode];
    return {
      ...shared,
      plugins: [
        // The kit's html`` and css`` literals, minified (Lit's own plugin): about a tenth of the gzip.
        minifyLiterals({ include: ['packages/**/*.ts'], failOnError: true }),
        ...(mode === 'bundle' ? [payEmbedScript()] : []),
      ],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        minify: true,
        // Not lib mode: Vite keeps lib-mode ES output unminified, and this file is for browsers.
        rollupOptions: {
          input,
          preserveEntrySignatures: 'strict',
          // The literal minifier is the slow step on purpose; no timing report on every build.
          checks: { bundlerTimings: false },
          output: { format: 'es', entryFileNames: file },
        },
      },
    };
  }
  if (!mode.startsWith('lib:')) return shared; // Storybook and other dev servers
  const name = mode.slice('lib:'.length);
  if (!packages.includes(name as (typeof packages)[number])) {
    throw new Error(`vite.config.ts: unknown package in mode "${mode}"`);
  }
  const entries: Record<string, string> = { index: `packages/${name}/src/index.ts` };
  if (name === 'validation') {
    entries['messages/en'] = 'packages/validation/src/messages/en.ts';
    entries['messages/es'] = 'packages/validation/src/messages/es.ts';
    entries.server = 'packages/validation/src/server.ts';
  }
  if (name === 'core') entries['translations/es'] = 'packages/core/src/translations/es.ts';
  return {
    ...shared,
    build: {
      outDir: `packages/${name}/dist`,
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rollupOptions: {
        external: (id) =>
          id === 'lit' ||
          id.startsWith('lit/') ||
          id.startsWith('@lit/') ||
          id.startsWith('@checkr-kit/'),
        output: {
          preserveModules: true,
          preserveModulesRoot: `packages/${name}/src`,
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
