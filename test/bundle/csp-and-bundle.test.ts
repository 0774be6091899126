import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until, wait } from '../support/until.ts';

(window as unknown as { mintPayToken: () => Promise<unknown> }).mintPayToken = () =>
  executeServerCommand('bff-pay-token');

describe('the kit on a strict-CSP page, loaded twice', () => {
  it('renders and validates both components with no error and no CSP violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '1400px';
    frame.src = '/test/fixtures/csp.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { problems: string[] };
    const doc = frame.contentDocument!;

    // The page really is under the strict policy.
    const response = await fetch('/test/fixtures/csp.html');
    expect(response.headers.get('content-security-policy')).to.match(/^default-src 'self'/);

    const flow = doc.querySelector('ck-apply-flow')!;
    const form = await until(() => flow.shadowRoot?.querySelector('ck-pii-form'));
    // Styles are applied (constructed stylesheets need no style-src exception).
    const firstField = await until(() => form.shadowRoot?.querySelector('ck-text-field'));
    const label = await until(() => firstField.shadowRoot?.querySelector('label'));
    expect(win.getComputedStyle(label).fontWeight).to.equal('600');
    // Validation runs: submit empty, the error summary appears. The form renders its second
    // half (Continue with it) a task after its first: its updateComplete says it is whole.
    await (form as Element & { updateComplete: Promise<boolean> }).updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    const summary = await until(() => form.shadowRoot!.querySelector('[part=error-summary]'));
    expect(summary.textContent).to.contain('Enter your first name');

    const embed = doc.querySelector('ck-pay-embed')!;
    const iframe = await until(() => embed.shadowRoot?.querySelector('iframe'));
    // The wallet shows: no status over it (the constructed sheet's [hidden] rule applies).
    await until(() => !embed.shadowRoot!.querySelector('[part=status]')?.checkVisibility());
    expect(iframe.src).to.contain('/sandbox/pay-cdn/');

    expect(win.customElements.get('ck-apply-flow')).not.to.equal(undefined);
    await wait(200);
    expect(win.problems).to.deep.equal([]);
    frame.remove();
  });
});

describe('the script-tag bundle as a module', () => {
  it('exports what a page without a bundler uses, and its registerTranslation reaches its elements', async () => {
    const url = '/.test-dist/checkr-kit.js';
    const kit = (await import(url)) as {
      registerTranslation: (translation: { locale: string; terms: Record<string, string> }) => void;
      BffClient: unknown;
      BffError: new (status: number, errors: { code: string; title: string }[]) => Error;
    };
    expect(Object.keys(kit).sort()).to.deep.equal(['BffClient', 'BffError', 'registerTranslation']);
    expect(typeof kit.BffClient).to.equal('function');
    expect(
      new kit.BffError(422, [{ code: 'ssn_invalid', title: 'SSN is invalid' }]).message,
    ).to.equal('ssn_invalid');

    // A language of the page's own, through the bundle's export, in the bundle's elements.
    kit.registerTranslation({ locale: 'fr', terms: { optional: '(facultatif)' } });
    const field = document.createElement('ck-text-field') as HTMLElement & {
      label: string;
      updateComplete: Promise<unknown>;
    };
    field.lang = 'fr';
    field.label = 'Deuxième prénom';
    document.body.append(field);
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('label')!.textContent).to.contain('(facultatif)');
    field.remove();
  });

  it('the Pay-embed-only script exports registerTranslation alone', async () => {
    const url = '/.test-dist/checkr-kit-pay-embed.js';
    const kit = (await import(url)) as {
      registerTranslation: (translation: { locale: string; terms: Record<string, string> }) => void;
    };
    expect(Object.keys(kit)).to.deep.equal(['registerTranslation']);
    expect(typeof kit.registerTranslation).to.equal('function');
  });
});
