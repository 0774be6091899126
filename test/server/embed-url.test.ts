import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { embedUrlOf } from '../../server/src/services/pay.ts';

/** The URL the wallet loads must not change by a byte: the token as WHATWG's URL would write it. */
describe('embedUrlOf', () => {
  const viaUrl = (base: string, token: string) => {
    const url = new URL(base);
    url.searchParams.set('tempAuthToken', token);
    return url.toString();
  };

  it('writes the token as URLSearchParams does, on the documented bases and others', () => {
    const bases = [
      'https://cdn-sandbox.checkrpay.com',
      'https://cdn.checkrpay.com',
      'http://127.0.0.1:41234/embed',
      'https://cdn.example/wallet/?theme=dark&x=a%20b#top',
      'https://cdn.example/?',
      'https://cdn.example/?tempAuthToken=old',
    ];
    for (const base of bases) {
      const url = embedUrlOf(base);
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (token) => {
          assert.equal(url(token), viaUrl(base, token));
        }),
        { numRuns: 200 },
      );
    }
    assert.equal(
      embedUrlOf('https://cdn-sandbox.checkrpay.com')('tat_1 +/=&#?'),
      'https://cdn-sandbox.checkrpay.com/?tempAuthToken=tat_1+%2B%2F%3D%26%23%3F',
    );
  });
});
