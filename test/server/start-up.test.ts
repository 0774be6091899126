import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { startBff } from '../../server/src/bff.ts';
import { ConfigError } from '../../server/src/config.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('start-up', () => {
  it('an inconsistent config stops the BFF with one line naming the variable, and no value', () => {
    const secret = 'ak_live_this_must_not_be_printed';
    const result = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'server/src/index.ts'],
      {
        cwd: root,
        env: { ...process.env, PORT: '0', CHECKR_PAY_ACCESS_KEY: secret },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    assert.equal(result.status, 1);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'));
    assert.deepEqual(lines, [
      'Configuration error: CHECKR_PAY_SECRET_KEY is required with CHECKR_PAY_ACCESS_KEY',
    ]);
    assert.ok(!`${result.stdout}${result.stderr}`.includes(secret));
  });

  it('the BFF alone, with no key and no upstream handed in code, refuses to start', async () => {
    // It carries no simulator: sandbox mode is @checkr-kit/sandbox handing it the simulators.
    await assert.rejects(
      startBff({ port: 0, env: { DATABASE_URL: 'sqlite::memory:' } }),
      (error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /CHECKR_API_KEY is required .*npm start/);
        return true;
      },
    );
  });
});
