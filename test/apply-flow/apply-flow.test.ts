import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import '@checkr-kit/apply-flow';
import type { CkApplyFlow, CkSignature } from '@checkr-kit/apply-flow';
import { registerTranslation, type CkStepChangeEvent } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { until, wait } from '../support/until.ts';
import { press, tab, type } from '../support/keys.ts';

const bffUrl = (await executeServerCommand('bff-url')) as string;

async function session(body: Record<string, unknown> = {}): Promise<string> {
  const created = (await executeServerCommand('bff-session', {
    origin: location.origin,
    ...body,
  })) as { session_token: string };
  return created.session_token;
}

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function stepOf(flow: CkApplyFlow): string {
  const progress = flow.shadowRoot!.querySelector('[part=progress]')?.textContent?.trim();
  if (progress) return progress;
  return flow.shadowRoot!.querySelector('[part=complete]') ? 'complete' : '';
}

/** A ZIP code in each state these tests live in: the BFF refuses a state the ZIP code is not in. */
const ZIP_OF: Record<string, string> = {
  Pennsylvania: '18505',
  California: '94107',
  Texas: '75201',
};

/** Fills the PII step by keyboard: focus starts in the first name input. */
async function fillPii(
  residence: string,
  name = { first: 'Michael', last: 'Scott' },
  license = { state: 'California', number: 'F1112001' },
  zipcode = ZIP_OF[residence]!,
) {
  await type(name.first);
  await tab();
  await type('Gary');
  await tab(2);
  await type(name.last);
  await tab();
  await type('michael.scott@dundermifflin.com');
  await tab();
  await type('2035408926');
  await tab();
  await type('3');
  await tab();
  await type('15');
  await tab();
  await type('1964');
  await tab();
  await type(residence);
  await tab();
  await type(zipcode);
  await tab();
  await type('111112001');
  await tab(2);
  await type(license.state);
  await tab();
  await type(license.number);
  await tab(3); // copy requested, the rights text, its acknowledgement
  await press('Space');
  await tab();
  await press('Enter');
}

async function mountFlow(token: string): Promise<{ flow: CkApplyFlow; events: Event[] }> {
  const events: Event[] = [];
  for (const type of [
    'ck-step-change',
    'ck-complete',
    'ck-error',
    'ck-pii-submit',
    'ck-suggestion-accept',
  ]) {
    document.addEventListener(type, (event) => events.push(event));
  }
  const flow = await fixture<CkApplyFlow>(
    html`<ck-apply-flow api-base=${bffUrl} session-token=${token}></ck-apply-flow>`,
  );
  const form = await until(() => flow.shadowRoot!.querySelector('ck-pii-form'));
  // Every field has rendered once and the form is shown (on a slow machine, over several tasks).
  await form.updateComplete;
  const first = form.shadowRoot!.querySelector('ck-text-field')!;
  first.shadowRoot!.querySelector('input')!.focus();
  return { flow, events };
}

describe('ck-apply-flow against the sandbox BFF', () => {
  it('passes axe on its first step', async () => {
    const { flow } = await mountFlow(await session());
    await expect(flow).to.be.accessible();
  });

  it('is completed by keyboard alone; the stored PDF holds the typed name and the disclosure hash; events carry no PII', async () => {
    const { flow, events } = await mountFlow(await session());
    expect(stepOf(flow)).to.equal('Step 1 of 3');
    await fillPii('Pennsylvania');

    // The disclosure: its own page, focus on its title.
    const disclosure = await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
    await until(() => deepActive()?.id === 'title');
    expect(stepOf(flow)).to.equal('Step 2 of 3');
    const children = [...flow.shadowRoot!.children].map(
      (c) => c.getAttribute('part') ?? c.localName,
    );
    expect(children.filter((c) => c !== 'div' && c !== 'style')).to.deep.equal([
      'progress',
      'ck-disclosure',
      'nav',
    ]);
    const inside = [...disclosure.shadowRoot!.querySelector('section')!.children].map(
      (c) => c.getAttribute('part') ?? c.localName,
    );
    expect(inside.filter((c) => c !== 'span')).to.deep.equal(['title', 'body', 'ck-checkbox']);
    const disclosureHash = disclosure.document!.sha256;
    await tab(2); // the text, the acknowledgement
    await press('Space');
    await tab(2); // back, continue
    await press('Enter');

    // The signature.
    await until(() => flow.shadowRoot!.querySelector('ck-signature'));
    await until(() => deepActive()?.getAttribute('part') === 'heading');
    expect(stepOf(flow)).to.equal('Step 3 of 3');
    await tab(2); // authorization text, name
    await type('Michael Scott');
    await tab();
    await press('Space');
    await tab(2); // back, sign
    await press('Enter');

    const complete = (await until(() =>
      events.find((e) => e.type === 'ck-complete'),
    )) as unknown as { consentId: string };
    expect(flow.shadowRoot!.querySelector('[part=complete]')).not.to.equal(null);
    const { text, evidence } = (await executeServerCommand('bff-consent', {
      consentId: complete.consentId,
    })) as { text: string; evidence: any };
    expect(text).to.contain('Michael Scott');
    expect(evidence.acknowledgements.map((a: any) => a.sha256)).to.include(disclosureHash);
    expect(text.replace(/\s+/g, '')).to.contain(disclosureHash);

    const steps = events
      .filter((e) => e.type === 'ck-step-change')
      .map((e) => (e as CkStepChangeEvent).to);
    expect(steps).to.deep.equal([
      'pii',
      'document:background-check-disclosure',
      'signature',
      'complete',
    ]);
    const logged = JSON.stringify(events.map((e) => ({ ...e, eventType: e.type })));
    for (const pii of [
      'Michael',
      'Scott',
      'dundermifflin',
      '111-11-2001',
      '111112001',
      '1964',
      'F1112001',
      '2035408926',
      '18505',
    ]) {
      expect(logged, pii).not.to.contain(pii);
    }
  });

  it('shows the CA disclosure to a California resident, and keeps entered data when going back', async () => {
    const { flow } = await mountFlow(
      await session({ work_locations: [{ country: 'US', state: 'TX' }] }),
    );
    await fillPii('California', { first: 'Kelly', last: 'Kapoor' });
    await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
    expect(stepOf(flow)).to.equal('Step 2 of 4');
    const acknowledge = async () => {
      const disclosure = flow.shadowRoot!.querySelector('ck-disclosure')!;
      const box = disclosure.shadowRoot!.querySelector('ck-checkbox')!;
      box.shadowRoot!.querySelector('input')!.click();
      await box.updateComplete;
      flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
    };
    await acknowledge();
    await until(
      () => flow.shadowRoot!.querySelector('ck-disclosure')?.document?.id === 'ca-disclosure',
    );
    expect(stepOf(flow)).to.equal('Step 3 of 4');
    // The state document's acknowledgement starts unticked: nothing carries over from the last step.
    const caBox = flow
      .shadowRoot!.querySelector('ck-disclosure')!
      .shadowRoot!.querySelector('ck-checkbox')!;
    await caBox.updateComplete;
    expect(caBox.checked).to.equal(false);
    expect(caBox.shadowRoot!.querySelector('input')!.checked).to.equal(false);
    // Back twice: the details are still there (in memory only).
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button.secondary')!.click();
    await until(
      () =>
        flow.shadowRoot!.querySelector('ck-disclosure')?.document?.id ===
        'background-check-disclosure',
    );
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button.secondary')!.click();
    const form = await until(() => flow.shadowRoot!.querySelector('ck-pii-form'));
    await form.updateComplete;
    const last = form.shadowRoot!.querySelector('#last_name') as unknown as { value: string };
    expect(last.value).to.equal('Kapoor');
    expect(sessionStorage.length + localStorage.length).to.equal(0);
  });

  it('a TX resident working in TX sees no state disclosure', async () => {
    const { flow } = await mountFlow(
      await session({ work_locations: [{ country: 'US', state: 'TX' }] }),
    );
    await fillPii('Texas', { first: 'Ryan', last: 'Howard' });
    await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
    expect(stepOf(flow)).to.equal('Step 2 of 3');
  });

  it('shows the BFF’s refusal of a state the ZIP code is not in by the state field', async () => {
    const { flow } = await mountFlow(await session());
    await fillPii('Texas', { first: 'Oscar', last: 'Martinez' }, undefined, '94107');
    const form = flow.shadowRoot!.querySelector('ck-pii-form')!;
    const error = await until(() =>
      form.shadowRoot!.querySelector('#residence_state')?.shadowRoot!.querySelector('[part=error]'),
    );
    expect(error.textContent).to.contain('Your ZIP code is not in Texas.');
    expect(stepOf(flow)).to.equal('Step 1 of 3');
  });

  it('shows the Washington MVR release to a Texan whose licence Washington issued', async () => {
    const { flow } = await mountFlow(
      await session({ work_locations: [{ country: 'US', state: 'TX' }] }),
    );
    await fillPii(
      'Texas',
      { first: 'Creed', last: 'Bratton' },
      { state: 'Washington', number: 'WDLAB1234567' },
    );
    await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
    expect(stepOf(flow)).to.equal('Step 2 of 4');
    const disclosure = flow.shadowRoot!.querySelector('ck-disclosure')!;
    const box = disclosure.shadowRoot!.querySelector('ck-checkbox')!;
    box.shadowRoot!.querySelector('input')!.click();
    await box.updateComplete;
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
    await until(
      () => flow.shadowRoot!.querySelector('ck-disclosure')?.document?.id === 'wa-mvr-release',
    );
    expect(stepOf(flow)).to.equal('Step 3 of 4');
  });

  it('keeps a drawn signature through a resize, into the PDF', async () => {
    const { flow, events } = await mountFlow(await session());
    await fillPii('Pennsylvania', { first: 'Pam', last: 'Beesly' });
    await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
    const disclosure = flow.shadowRoot!.querySelector('ck-disclosure')!;
    const ack = disclosure.shadowRoot!.querySelector('ck-checkbox')!;
    ack.shadowRoot!.querySelector('input')!.click();
    await ack.updateComplete;
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
    const signature = (await until(() =>
      flow.shadowRoot!.querySelector('ck-signature'),
    )) as CkSignature;
    await signature.updateComplete;
    const canvas = signature.shadowRoot!.querySelector('canvas')!;
    canvas.scrollIntoView({ block: 'center' });
    const box = canvas.getBoundingClientRect();
    const at = (x: number, y: number) =>
      [Math.round(box.left + box.width * x), Math.round(box.top + box.height * y)] as [
        number,
        number,
      ];
    await sendMouse({ type: 'move', position: at(0.1, 0.6) });
    await sendMouse({ type: 'down' });
    for (const [x, y] of [
      [0.3, 0.2],
      [0.5, 0.8],
      [0.7, 0.3],
      [0.9, 0.6],
    ] as const)
      await sendMouse({ type: 'move', position: at(x, y) });
    await sendMouse({ type: 'up' });
    expect(signature.hasDrawing).to.equal(true);
    // Resize (as a rotation would) and check the strokes are still painted.
    flow.style.maxWidth = '300px';
    await wait(100);
    const dark = () => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    };
    expect(canvas.getBoundingClientRect().width).to.be.below(box.width);
    expect(dark()).to.be.greaterThan(50);
    const name = signature.shadowRoot!.querySelector('ck-text-field')!;
    name.shadowRoot!.querySelector('input')!.focus();
    await type('Pam Beesly');
    const esign = signature.shadowRoot!.querySelector('ck-checkbox')!;
    esign.shadowRoot!.querySelector('input')!.click();
    await esign.updateComplete;
    await name.updateComplete;
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
    const complete = (await until(() =>
      events.find((e) => e.type === 'ck-complete'),
    )) as unknown as { consentId: string };
    const { images, evidence } = (await executeServerCommand('bff-consent', {
      consentId: complete.consentId,
    })) as { images: string; evidence: any };
    expect(evidence.signer.drawn_signature_png_base64.length).to.be.greaterThan(500);
    expect(images.trim().split('\n').length).to.equal(3); // header, rule, one image
  });

  it('recovers from an expired session through fetchSessionToken', async () => {
    const fresh = await session();
    let calls = 0;
    const flow = await fixture<CkApplyFlow>(
      html`<ck-apply-flow api-base=${bffUrl} session-token="expired.token.value"></ck-apply-flow>`,
    );
    // A bad token answers session_invalid, not expired: the flow says the session ended.
    await until(() => flow.shadowRoot!.querySelector('[part=alert]'));
    expect(flow.shadowRoot!.querySelector('[part=alert]')!.textContent).to.contain('session ended');
    const second = await fixture<CkApplyFlow>(
      html`<ck-apply-flow api-base=${bffUrl}></ck-apply-flow>`,
    );
    second.fetchSessionToken = async () => {
      calls++;
      return fresh;
    };
    // Connected before the callback was set: the flow asks when it first needs a token.
    await until(
      () =>
        second.shadowRoot!.querySelector('ck-pii-form') ||
        second.shadowRoot!.querySelector('[part=alert]'),
    );
    expect(calls).to.be.greaterThan(0);
  });

  it('tells a candidate Checkr refused as a duplicate what happened, in English and Spanish, keeping what they typed', async () => {
    // Three applications with these details reach Checkr first; the sandbox Checkr refuses a
    // fourth identical candidate within 24 hours (seed 000 L2006), as Checkr does.
    const earlier = {
      first_name: 'Stanley',
      middle_name: 'Gary',
      no_middle_name: false,
      last_name: 'Hudson',
      email: 'michael.scott@dundermifflin.com',
      phone: '2035408926',
      dob: '1964-03-15',
      residence_state: 'PA',
      zipcode: '18505',
      ssn: '111-11-2001',
      driver_license_state: 'CA',
      driver_license_number: 'F1112001',
      copy_requested: false,
    };
    for (let i = 0; i < 3; i++) {
      const response = await fetch(new URL('v1/apply/candidate', bffUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await session()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(earlier),
      });
      expect(response.status, await response.text()).to.equal(201);
    }
    const { flow, events } = await mountFlow(await session());
    await fillPii('Pennsylvania', { first: 'Stanley', last: 'Hudson' });

    const alert = await until(() => flow.shadowRoot!.querySelector<HTMLElement>('[part=alert]'));
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain(
      'An application with these details was already received in the last 24 hours.',
    );
    expect(alert.textContent).to.contain('Contact the employer.');
    expect(alert.textContent).not.to.contain('Something went wrong');
    // Sending the same details again cannot help: no "Try again".
    expect(alert.querySelector('button')).to.equal(null);
    await until(() => deepActive() === alert, 2000, 'focus on the alert');
    const error = events.find((e) => e.type === 'ck-error') as unknown as {
      code: string;
      recoverable: boolean;
    };
    expect([error.code, error.recoverable]).to.deep.equal(['candidate_duplicate', true]);
    await expect(flow).to.be.accessible();

    // Nothing typed is lost: the form is still there, filled in.
    const form = flow.shadowRoot!.querySelector('ck-pii-form')!;
    const valueOf = (id: string) =>
      (form.shadowRoot!.querySelector(`#${id}`) as unknown as { value: string }).value;
    expect(
      ['first_name', 'last_name', 'email', 'dob', 'zipcode', 'ssn'].map(valueOf),
    ).to.deep.equal([
      'Stanley',
      'Hudson',
      'michael.scott@dundermifflin.com',
      '1964-03-15',
      '18505',
      '111-11-2001',
    ]);

    // In Spanish: the message follows the language, and a second Continue is refused again.
    registerTranslation(es);
    flow.setAttribute('lang', 'es');
    await until(() => alert.textContent?.includes('Ya se recibió una solicitud con estos datos'));
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[part=submit]')!.focus();
    await press('Enter');
    const again = await until(() =>
      events.filter((e) => e.type === 'ck-error').length === 2
        ? flow.shadowRoot!.querySelector<HTMLElement>('[part=alert]')
        : null,
    );
    expect(again.textContent).to.contain(
      'Ya se recibió una solicitud con estos datos en las últimas 24 horas. Comuníquese con el empleador.',
    );
    expect(again.querySelector('button')).to.equal(null);
    await until(() => deepActive() === again, 2000, 'focus on the alert');
    expect(valueOf('first_name')).to.equal('Stanley');
  });

  it('keeps the input and retries after a network failure', async () => {
    const token = await session();
    const flow = await fixture<CkApplyFlow>(
      html`<ck-apply-flow api-base="http://127.0.0.1:9/" session-token=${token}></ck-apply-flow>`,
    );
    const alert = await until(() => flow.shadowRoot!.querySelector('[part=alert]'));
    expect(alert.textContent).to.contain('nothing you entered is lost');
    expect(alert.querySelector('button')).not.to.equal(null);
    flow.apiBase = bffUrl;
    alert.querySelector('button')!.click();
    await until(() => flow.shadowRoot!.querySelector('ck-pii-form'));
  });
});
