import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { root, startProduct, until, type Started } from './helpers.ts';

/**
 * The product as a new user meets it: `npm start` (sandbox, no keys), a candidate on a phone
 * (360 x 740) completing the careers page by keyboard alone, the admin page, the consent PDF, the
 * webhook-driven status, and a worker's wallet. Every response is kept and scanned for secrets.
 */
let product: Started;
let browser: Browser;
const responses: string[] = [];

before(async () => {
  product = await startProduct();
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs.filter((a) => a !== '--headless=new'),
  });
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  page.on('response', async (response) => {
    try {
      const body = response.request().resourceType() === 'image' ? '' : await response.text();
      responses.push(JSON.stringify(await response.allHeaders()), body);
    } catch {
      // a body that is gone (redirects, aborted frames)
    }
  });
  return page;
}

/** What has focus, through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}#${el.id}[${el.getAttribute('autocomplete') ?? ''}]` : '';
  });

async function tab(page: Page, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
}

describe('a candidate on the careers page, by keyboard alone, at 360 x 740', () => {
  let consentPdfText = '';

  it('completes the flow; the admin page lists the consent; its PDF holds name, IP, date and hash; the report completes', async () => {
    const page = await newPage();
    await page.goto(`${product.url}/demo/careers?restart=1`, { waitUntil: 'networkidle' });
    await page.locator('ck-pii-form').waitFor();
    // Tab from the top of the page into the first field, as a keyboard user does.
    for (let i = 0; i < 12 && !(await focused(page)).includes('given-name'); i++) await tab(page);
    assert.match(await focused(page), /given-name/);
    const type = async (text: string) => page.keyboard.type(text);
    await type('Jim');
    await tab(page);
    await type('Duncan');
    await tab(page, 2);
    await type('Halpert');
    await tab(page);
    await type('jim.halpert@dundermifflin.com');
    await tab(page);
    await type('5705550199');
    await tab(page);
    await type('10');
    await tab(page);
    await type('1');
    await tab(page);
    await type('1978');
    await tab(page);
    await type('Pennsylvania');
    await tab(page);
    await type('18505');
    await tab(page);
    await type('111112001');
    await tab(page, 2);
    await type('California');
    await tab(page);
    await type('F1112001');
    await tab(page, 3);
    await page.keyboard.press('Space'); // the summary of rights, acknowledged
    await tab(page);
    await page.keyboard.press('Enter');

    await page
      .getByRole('heading', { name: /Disclosure Regarding Background Investigation/ })
      .waitFor();
    assert.match(await focused(page), /^h2#title/);
    await tab(page, 2);
    await page.keyboard.press('Space');
    await tab(page, 2);
    await page.keyboard.press('Enter');

    await page.locator('ck-signature').waitFor();
    await tab(page, 2);
    await type('Jim Halpert');
    await tab(page);
    await page.keyboard.press('Space');
    await tab(page, 2);
    await page.keyboard.press('Enter');
    await page.locator('[part=complete]').waitFor();

    // The admin page lists it; the webhook-driven status reaches complete.
    const admin = await newPage();
    const row = await until(
      async () => {
        await admin.goto(`${product.url}/demo/admin`);
        const text = await admin.locator('tbody tr').first().textContent();
        return text?.includes('complete') ? text : undefined;
      },
      30_000,
      'report status complete',
    );
    assert.match(row, /uploaded/);
    assert.match(row, /clear/);
    const href = (await admin.locator('tbody tr a').first().getAttribute('href'))!;
    const pdf = Buffer.from(await (await fetch(`${product.url}${href}`)).arrayBuffer());
    consentPdfText = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString();
    assert.match(consentPdfText, /Jim Halpert/);
    assert.match(consentPdfText, /IP address: 127\.0\.0\.1/);
    assert.match(
      consentPdfText,
      new RegExp(`Date \\(UTC\\): ${new Date().toISOString().slice(0, 10)}`),
    );
    assert.match(consentPdfText, /SHA-256 [0-9a-f]{64}/);
  });

  it('a worker signs in to the wallet; the embeddable shows; a reload shows it again with a new token', async () => {
    const page = await newPage();
    await page.goto(`${product.url}/demo/wallet`);
    await page.getByRole('button', { name: /Sign in as Pam Beesly/ }).focus();
    await page.keyboard.press('Enter');
    const frame = page.locator('ck-pay-embed iframe');
    await frame.waitFor();
    const first = new URL((await frame.getAttribute('src'))!).searchParams.get('tempAuthToken');
    await page.frameLocator('ck-pay-embed iframe').getByText('Available balance').waitFor();
    // A phone 360 px wide has room for Checkr Pay's 351 px: no "too small" notice over it.
    assert.equal(await page.locator('ck-pay-embed [part=notice]').isVisible(), false);
    await page.reload();
    await page.locator('ck-pay-embed iframe').waitFor();
    const second = new URL(
      (await page.locator('ck-pay-embed iframe').getAttribute('src'))!,
    ).searchParams.get('tempAuthToken');
    await page.frameLocator('ck-pay-embed iframe').getByText('Available balance').waitFor();
    assert.ok(first && second && first !== second, 'a new token after the reload');
  });

  it('no configured secret is in any response of the run, nor in any built file', () => {
    assert.ok(responses.length > 30, `${responses.length} response parts scanned`);
    const all = responses.join('\n');
    for (const secret of Object.values(product.secrets))
      assert.ok(!all.includes(secret), 'a secret leaked into a response');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const built = walk(join(root, 'dist'));
    assert.ok(built.some((f) => f.endsWith('checkr-kit.js')));
    for (const file of built) {
      const text = readFileSync(file, 'utf8');
      for (const secret of Object.values(product.secrets))
        assert.ok(!text.includes(secret), `${file} holds a secret`);
      assert.doesNotMatch(
        text,
        /CHECKR_API_KEY|CHECKR_PAY_SECRET_KEY|CHECKR_PAY_ACCESS_KEY|BFF_ADMIN_KEY|SESSION_SIGNING_KEY/,
        file,
      );
    }
  });

  it('the logs of the run hold no PII and no token', () => {
    const log = product.output.join('');
    assert.ok(log.includes('consent committed'));
    for (const pii of [
      'Halpert',
      'jim.halpert',
      '111-11-2001',
      '111112001',
      '1978-10-01',
      'F1112001',
      '5705550199',
      '18505',
      'eyJ',
      'tempAuthToken',
    ]) {
      assert.ok(!log.includes(pii), `the log holds ${pii}`);
    }
  });
});
