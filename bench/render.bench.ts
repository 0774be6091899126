import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import type { BenchRow } from './types.ts';

const root = new URL('../', import.meta.url).pathname;

/** The same fields as ck-pii-form with everything required, as a plain HTML form would have them. */
const plainForm = (states: string) => `<form novalidate>
${[
  ['first_name', 'First name', 'given-name'],
  ['middle_name', 'Middle name', 'additional-name'],
  ['last_name', 'Last name', 'family-name'],
  ['email', 'Email address', 'email'],
  ['phone', 'Mobile phone number', 'tel-national'],
  ['bday-month', 'Month', 'bday-month'],
  ['bday-day', 'Day', 'bday-day'],
  ['bday-year', 'Year', 'bday-year'],
  ['zipcode', 'ZIP code', 'postal-code'],
  ['ssn', 'Social Security number', 'off'],
  ['dl_number', 'Driver’s license number', 'off'],
]
  .map(
    ([name, label, ac]) =>
      `<div><label for="${name}">${label}</label><input id="${name}" name="${name}" autocomplete="${ac}" required></div>`,
  )
  .join('\n')}
<div><label for="residence">State</label><select id="residence" name="residence" required><option value="">Choose…</option>${states}</select></div>
<div><label for="dl_state">State that issued your licence</label><select id="dl_state" name="dl_state" required><option value="">Choose…</option>${states}</select></div>
<div><input type="checkbox" id="nomiddle"><label for="nomiddle">I have no middle name</label></div>
<div><input type="checkbox" id="copy"><label for="copy">Send me a copy</label></div>
<button type="submit">Continue</button>
</form>`;

/**
 * Time to first render of ck-pii-form in Chromium, against a plain HTML form with the same fields
 * rendered in the same page and run: element created, every field rendered, layout done.
 */
export default async function renderBench(): Promise<BenchRow[]> {
  const bundle = await build({
    entryPoints: [join(root, 'packages/apply-flow/src/pii-form/pii-form.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['source', 'browser', 'production'],
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs.filter((a) => a !== '--headless=new'),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(
      '<!doctype html><html lang="en"><body><main id="root"></main></body></html>',
    );
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
    await page.waitForFunction(() => customElements.get('ck-pii-form'));
    // tsx keeps function names with a `__name` helper; the page needs it for the code we send.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const states = Array.from(
      { length: 52 },
      (_, i) => `<option value="S${i}">State ${i}</option>`,
    ).join('');
    const result = await page.evaluate(
      async ({ plain, runs }) => {
        const root = document.getElementById('root')!;
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const settle = async (el: Element): Promise<void> => {
          const pending = [el, ...el.shadowRoot!.querySelectorAll('*')].filter(
            (n) => 'updateComplete' in n,
          ) as Array<Element & { updateComplete: Promise<unknown> }>;
          await Promise.all(pending.map((n) => n.updateComplete));
          for (const n of pending)
            if (n.shadowRoot)
              await Promise.all(
                [...n.shadowRoot.querySelectorAll('*')]
                  .filter((c) => 'updateComplete' in c)
                  .map(
                    (c) => (c as unknown as { updateComplete: Promise<unknown> }).updateComplete,
                  ),
              );
        };
        const kit: number[] = [];
        const html: number[] = [];
        for (let i = 0; i < runs; i++) {
          root.replaceChildren();
          let t0 = performance.now();
          const form = document.createElement('ck-pii-form') as HTMLElement & {
            requirements: unknown;
          };
          form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
          root.append(form);
          await settle(form);
          // The form is shown once every field has rendered (over several tasks on a slow
          // machine); the layout measured is of the shown form.
          while (form.shadowRoot!.querySelector('form')!.hidden)
            await new Promise((resolve) => setTimeout(resolve));
          void root.offsetHeight;
          kit.push(performance.now() - t0);
          root.replaceChildren();
          t0 = performance.now();
          root.innerHTML = plain;
          void root.offsetHeight;
          html.push(performance.now() - t0);
        }
        return { kit: median(kit), html: median(html) };
      },
      { plain: plainForm(states), runs: 40 },
    );
    return [
      {
        name: 'ck-pii-form first render (create, render every field, layout), median of 40',
        value: Math.round(result.kit * 100) / 100,
        unit: 'ms',
      },
      {
        name: 'plain HTML form with the same fields, median of 40',
        value: Math.round(result.html * 100) / 100,
        unit: 'ms',
      },
      {
        name: 'first render: ck-pii-form / plain HTML form',
        value: Math.round((result.kit / result.html) * 10) / 10,
        unit: 'ratio',
        goal: '<= 1.5',
      },
    ];
  } finally {
    await browser.close();
  }
}
