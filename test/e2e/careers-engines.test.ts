import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { openPage, type Engine, type EnginePage } from './engines.ts';
import { startProduct, until, type Started } from './helpers.ts';

/**
 * The careers page of `npm start`, by keyboard alone, in each engine candidates use (Safari and
 * iOS WebViews are WebKit), through to the signed consent PDF, with no console error or failed
 * request on the way. Chromium's run in product.test.ts checks more (responses, logs, the
 * wallet); this one is the same walk in all three engines.
 */
let product: Started;
before(async () => {
  product = await startProduct();
});
after(async () => {
  await product?.stop();
});

/** What has focus, through shadow roots: `tag[autocomplete]{type}:text`. */
function focused(page: EnginePage): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const text = el.localName === 'button' ? (el.textContent?.trim().split(/\s+/)[0] ?? '') : '';
    return `${el.localName}[${el.getAttribute('autocomplete') ?? ''}]{${el.getAttribute('type') ?? ''}}:${text}`;
  });
}

/** Tab until what has focus matches, as a keyboard user moves through a page; at most `limit`. */
async function tabTo(page: EnginePage, pattern: RegExp, limit = 8): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.press('Tab');
    passed.push(await focused(page));
    if (pattern.test(passed.at(-1)!)) return;
  }
  assert.fail(`no ${pattern} within ${limit} tabs: ${passed.join(' -> ')}`);
}

/** Waits until `probe` (run in the page; it returns JSON, never an element) is truthy. */
const pageUntil = (page: EnginePage, probe: () => unknown, what: string) =>
  until(() => page.evaluate(probe), 20_000, what);

const candidates: Record<Engine, { first: string; last: string; email: string }> = {
  chromium: { first: 'Jim', last: 'Halpert', email: 'jim.halpert@dundermifflin.com' },
  firefox: { first: 'Pam', last: 'Beesly', email: 'pam.beesly@dundermifflin.com' },
  webkit: { first: 'Oscar', last: 'Martinez', email: 'oscar.martinez@dundermifflin.com' },
};

for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
  describe(`the careers page by keyboard alone in ${engine}`, () => {
    it('completes the flow, and the consent PDF holds the typed name', async () => {
      const who = candidates[engine];
      const page = await openPage(engine);
      try {
        await page.goto(`${product.url}/demo/careers?restart=1`);
        await pageUntil(
          page,
          () =>
            !!document
              .querySelector('ck-apply-flow')
              ?.shadowRoot?.querySelector('ck-pii-form')
              ?.shadowRoot?.querySelector('ck-text-field'),
          'the PII step',
        );
        await tabTo(page, /given-name/, 16);
        await page.type(who.first);
        await tabTo(page, /additional-name/);
        await page.type('Duncan');
        await tabTo(page, /family-name/);
        await page.type(who.last);
        await tabTo(page, /\[email\]/);
        await page.type(who.email);
        await tabTo(page, /\[tel/);
        await page.type('5705550199');
        await tabTo(page, /bday-month/);
        await page.type('10');
        await tabTo(page, /bday-day/);
        await page.type('1');
        await tabTo(page, /bday-year/);
        await page.type('1978');
        await tabTo(page, /address-level1/);
        await page.type('Pennsylvania');
        await tabTo(page, /postal-code/);
        await page.type('18505');
        await tabTo(page, /^input\[off\]/); // SSN
        await page.type('111112001');
        await tabTo(page, /^select/); // licence state, past the SSN's Show button
        await page.type('California');
        await tabTo(page, /^input\[off\]/); // licence number
        await page.type('F1112001');
        await tabTo(page, /checkbox/); // "send me a copy": left unticked
        await tabTo(page, /checkbox/); // the summary of rights, acknowledged
        await page.press('Space');
        await tabTo(page, /^button.*:Continue/);
        await page.press('Enter');

        // The standalone disclosure, then the authorization with the e-signature.
        await pageUntil(
          page,
          () =>
            document
              .querySelector('ck-apply-flow')
              ?.shadowRoot?.querySelector('ck-disclosure')
              ?.shadowRoot?.textContent?.includes('Disclosure Regarding Background Investigation'),
          'the disclosure step',
        );
        await tabTo(page, /checkbox/);
        await page.press('Space');
        await tabTo(page, /^button.*:Continue/);
        await page.press('Enter');

        await pageUntil(
          page,
          () =>
            !!document.querySelector('ck-apply-flow')?.shadowRoot?.querySelector('ck-signature'),
          'the signature step',
        );
        await tabTo(page, /^input.*\{text\}/);
        await page.type(`${who.first} ${who.last}`);
        await tabTo(page, /checkbox/);
        await page.press('Space');
        await tabTo(page, /^button.*:Sign/);
        await page.press('Enter');
        await pageUntil(
          page,
          () =>
            !!document.querySelector('ck-apply-flow')?.shadowRoot?.querySelector('[part=complete]'),
          'the complete step',
        );
        // Nothing went wrong on the way, in this engine: no console error, no failed request.
        assert.deepEqual(await page.problems(), []);

        // The consent the BFF stored, as the employer's admin page links it.
        await page.goto(`${product.url}/demo/admin`);
        const href = await pageUntil(
          page,
          () => document.querySelector('tbody tr a')?.getAttribute('href'),
          'a consent on the admin page',
        );
        assert.deepEqual(await page.problems(), []);
        const pdf = Buffer.from(await (await fetch(`${product.url}${href}`)).arrayBuffer());
        const text = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString();
        assert.match(text, new RegExp(`${who.first} ${who.last}`));
        assert.match(text, /SHA-256 [0-9a-f]{64}/);
      } finally {
        await page.close();
      }
    });
  });
}
