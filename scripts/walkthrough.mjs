// node scripts/walkthrough.mjs [base] [outDir] [width] [height]: a candidate completes the apply
// flow on the demo careers page (npm start must be running), with a screenshot of every step, then
// the admin page. Used to look at the product the way a candidate and an HR admin would.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';

const [
  base = 'http://localhost:8080',
  out = '.screenshots/flow',
  width = '360',
  height = '740',
  query = 'restart=1&work_state=CA',
] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: chromiumArgs.filter((a) => a !== '--headless=new'),
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
page.on(
  'console',
  (m) => m.type() === 'error' && !m.text().includes('404') && console.log(`console: ${m.text()}`),
);
await page.goto(`${base}/demo/careers?${query}`, { waitUntil: 'networkidle' });
const shot = async (name) => {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
};
await page.locator('ck-pii-form').waitFor();
await shot('1-pii-empty');
await page.getByRole('button', { name: 'Continue' }).click();
await shot('1-pii-errors');
const field = (label) => page.getByLabel(label, { exact: true });
await field('First name').fill('María José');
await field('Middle name').fill('Núñez');
await field('Last name').fill('O’Brien-Ruiz'.replace('’', "'"));
await field('Email address').fill('maria.obrien@gmeil.con');
await field('Email address').blur();
await page.getByRole('button', { name: /Use maria/ }).click();
await field('Month').fill('7');
await field('Day').fill('4');
await field('Year').fill('1990');
await field('State where you live').selectOption('CA');
await field('ZIP code').fill('94107');
await page.getByLabel('Social Security number', { exact: true }).fill('111-11-2001');
await field('State that issued your driver’s license').selectOption('CA');
await field('Driver’s license number').fill('F1112001');
await page.getByLabel('I have received and read this document').check();
await shot('1-pii-filled');
await page.getByRole('button', { name: 'Continue' }).click();
await page.locator('ck-disclosure').waitFor();
await shot('2-disclosure');
await page.getByLabel('I have received and read this document').check();
await page.getByRole('button', { name: 'Continue' }).click();
await page.getByRole('heading', { name: /California Disclosure/ }).waitFor();
await shot('3-state-disclosure-ca');
await page.getByLabel('I have received and read this document').check();
await page.getByRole('button', { name: 'Continue' }).click();
await page.locator('ck-signature').waitFor();
await shot('4-signature');
await page.getByLabel('Type your full name to sign').fill("maria jose o'brien-ruiz");
await page.getByLabel(/I agree to sign electronically/).check();
const pad = await page.locator('canvas').boundingBox();
await page.mouse.move(pad.x + 20, pad.y + pad.height * 0.7);
await page.mouse.down();
for (const [x, y] of [
  [0.25, 0.2],
  [0.45, 0.8],
  [0.65, 0.25],
  [0.9, 0.6],
])
  await page.mouse.move(pad.x + pad.width * x, pad.y + pad.height * y, { steps: 5 });
await page.mouse.up();
await shot('4-signature-filled');
await page.getByRole('button', { name: 'Sign and submit' }).click();
await page.locator('[part=complete]').waitFor();
await shot('5-complete');
await page.waitForTimeout(4500);
await page.goto(`${base}/demo/admin`);
await shot('6-admin');
await browser.close();
