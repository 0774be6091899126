import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkApplyFlow, CkDobField } from '@checkr-kit/apply-flow';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { until, wait } from '../support/until.ts';

registerTranslation(es);
const bffUrl = (await executeServerCommand('bff-url')) as string;

/** Every kit element under `root`, looking through shadow roots. */
function kitElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [
    ...(el.localName.startsWith('ck-') ? [el] : []),
    ...(el.shadowRoot ? kitElements(el.shadowRoot) : []),
  ]);
}

/** How many times each element ran its update (and so its render) while `during` ran. */
async function countUpdates(during: () => Promise<void>): Promise<Map<Element, number>> {
  const counts = new Map<Element, number>();
  const update = Object.getOwnPropertyDescriptor(LitElement.prototype, 'update')!.value as (
    this: LitElement,
    changed: Map<PropertyKey, unknown>,
  ) => void;
  LitElement.prototype['update'] = function (this: LitElement, changed) {
    counts.set(this, (counts.get(this) ?? 0) + 1);
    update.call(this, changed);
  };
  try {
    await during();
  } finally {
    LitElement.prototype['update'] = update;
  }
  return counts;
}

function dobOrder(dob: CkDobField): string[] {
  return [...dob.shadowRoot!.querySelectorAll('.part input')].map((i) => i.getAttribute('name')!);
}

describe('start-up', () => {
  it('renders the first step once: each field, the form, and the flow only for loading and the step', async () => {
    const { session_token } = (await executeServerCommand('bff-session', {
      origin: location.origin,
    })) as { session_token: string };
    let flow!: CkApplyFlow;
    const counts = await countUpdates(async () => {
      flow = await fixture<CkApplyFlow>(
        html`<ck-apply-flow api-base=${bffUrl} session-token=${session_token}></ck-apply-flow>`,
      );
      await until(() =>
        kitElements(flow.shadowRoot!).some((el) => el.localName === 'ck-ssn-field'),
      );
      // Whatever a second pass would do happens within a few frames of the first.
      await wait(300);
    });
    const fields = kitElements(flow.shadowRoot!);
    expect(fields.length).to.be.greaterThan(10);
    const renderedAgain = fields
      .filter((el) => counts.get(el) !== 1)
      .map((el) => `${el.localName}#${el.id}: ${counts.get(el)}`);
    expect(renderedAgain).to.deep.equal([]);
    // One update shows "Loading…", one shows the step.
    expect(counts.get(flow)).to.equal(2);
  });

  it('builds no Intl.DateTimeFormat for the kit’s own languages', async () => {
    const original = Intl.DateTimeFormat;
    let built = 0;
    const spy = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++;
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = spy;
    try {
      const en = await fixture<CkDobField>(html`<ck-dob-field label="Born"></ck-dob-field>`);
      const es = await fixture<HTMLElement>(
        html`<div lang="es"><ck-dob-field label="Nacimiento"></ck-dob-field></div>`,
      );
      expect(dobOrder(en)).to.deep.equal(['month', 'day', 'year']);
      expect(dobOrder(es.querySelector('ck-dob-field')!)).to.deep.equal(['day', 'month', 'year']);
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(built).to.equal(0);
  });

  it('asks Intl for the order of a language registered without one, and survives a lang that is no tag', async () => {
    registerTranslation({ locale: 'ja', terms: { dob_year: '年' } });
    const ja = await fixture<HTMLElement>(
      html`<div lang="ja"><ck-dob-field label="生年月日"></ck-dob-field></div>`,
    );
    expect(dobOrder(ja.querySelector('ck-dob-field')!)).to.deep.equal(['year', 'month', 'day']);
    // A customer's translation under a locale no browser reads (`pt_BR` for `pt-BR`).
    registerTranslation({ locale: 'pt_BR', terms: { dob_year: 'Ano' } });
    const broken = await fixture<HTMLElement>(
      html`<div lang="pt_BR"><ck-dob-field label="Nascimento"></ck-dob-field></div>`,
    );
    expect(dobOrder(broken.querySelector('ck-dob-field')!)).to.deep.equal(['month', 'day', 'year']);
  });
});
