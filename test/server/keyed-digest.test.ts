import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { keyedDigest } from '../../server/src/services/keyed-digest.ts';

/**
 * The BFF's own HMAC against Node's `createHmac`: the session-id digest Checkr Pay caches by and
 * the keyed digests in the store must not change by a byte.
 */
describe('keyedDigest', () => {
  it('is HMAC-SHA256 for keys shorter, as long as and longer than the block, and any text', () => {
    for (const key of ['', 'k', 's'.repeat(40), 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(200)])
      assert.equal(
        keyedDigest(key)('pay-session:abc'),
        createHmac('sha256', key).update('pay-session:abc').digest('hex'),
      );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 150 }),
        fc.string({ unit: 'binary' }),
        (key, text) => {
          assert.equal(
            keyedDigest(key)(text),
            createHmac('sha256', key).update(text).digest('hex'),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
