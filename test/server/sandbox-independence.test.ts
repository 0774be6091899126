import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/**
 * The simulators are a second reading of the docs only while they share no rule with the kit,
 * and the BFF customers deploy carries no simulator. Both are lint rules; this test proves they
 * fire, so a loosened config fails here rather than passing silently.
 */
describe('sandbox independence', () => {
  // ESLint in its own process: under this runner's `source` condition a lint plugin's
  // dependency would resolve to TypeScript sources it does not ship.
  const lint = async (filePath: string, code: string) => {
    const result = spawnSync(
      process.execPath,
      [
        `${root}node_modules/eslint/bin/eslint.js`,
        '--format',
        'json',
        '--stdin',
        '--stdin-filename',
        filePath,
      ],
      { cwd: root, input: code, encoding: 'utf8' },
    );
    const [report] = JSON.parse(result.stdout) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>;
    }>;
    return report!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
  };

  for (const source of [
    '@checkr-kit/validation',
    '@checkr-kit/validation/server',
    '../../packages/validation/src/index.ts',
  ]) {
    it(`the sandbox may not import ${source}`, async () => {
      const messages = await lint(
        'sandbox/src/probe.ts',
        `import { validateSsn } from '${source}';\nexport const probe = validateSsn;\n`,
      );
      assert.equal(messages.length, 1, JSON.stringify(messages));
    });
  }

  it('the sandbox may start a BFF (the direction customers use)', async () => {
    const messages = await lint(
      'sandbox/src/probe.ts',
      `import { startBff } from '@checkr-kit/server/bff';\nexport const probe = startBff;\n`,
    );
    assert.deepEqual(messages, []);
  });

  it('the BFF may not import the sandbox', async () => {
    const messages = await lint(
      'server/src/probe.ts',
      `import { startSandbox } from '@checkr-kit/sandbox';\nexport const probe = startSandbox;\n`,
    );
    assert.equal(messages.length, 1);
  });
});
