import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkApplyFlow, CkDobField, CkPiiForm } from '@checkr-kit/apply-flow';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { summaryOfRights } from '../support/documents.ts';
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

/**
 * Makes the first update of every `localName` element cost `ms` of CPU, as on a slow phone, until
 * the returned function is called.
 */
function slowFirstUpdate(localName: string, ms: number): () => void {
  const update = Object.getOwnPropertyDescriptor(LitElement.prototype, 'update')!.value as (
    this: LitElement,
    changed: Map<PropertyKey, unknown>,
  ) => void;
  LitElement.prototype['update'] = function (this: LitElement, changed) {
    if (this.localName === localName && !this.hasUpdated) {
      const until = performance.now() + ms;
      while (performance.now() < until);
    }
    update.call(this, changed);
  };
  return () => {
    LitElement.prototype['update'] = update;
  };
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

  it('renders a long step over several tasks on a slow device, showing the form only whole', async () => {
    // A slow phone: every element's update takes 2 ms of CPU, so the step's 14 kit elements
    // take about 30 ms, four times the slice the kit renders in before yielding.
    const update = Object.getOwnPropertyDescriptor(LitElement.prototype, 'update')!.value as (
      this: LitElement,
      changed: Map<PropertyKey, unknown>,
    ) => void;
    // Counts the tasks the browser runs meanwhile: a message that posts itself again, as an
    // input event would be handled, whenever the main thread is free.
    let tasks = 0;
    let rendering = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      tasks++;
      if (rendering) channel.port2.postMessage(null);
    };
    const fieldRenders: Array<{ tasks: number; formHidden: boolean | undefined }> = [];
    let form!: CkPiiForm;
    LitElement.prototype['update'] = function (this: LitElement, changed) {
      const until = performance.now() + 2;
      while (performance.now() < until);
      if ('formAssociated' in this.constructor)
        fieldRenders.push({
          tasks,
          formHidden: form.shadowRoot!.querySelector('form')?.hidden,
        });
      update.call(this, changed);
    };
    try {
      form = document.createElement('ck-pii-form');
      form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
      channel.port2.postMessage(null);
      document.body.append(form);
      await form.updateComplete;
    } finally {
      LitElement.prototype['update'] = update;
      rendering = false;
    }
    try {
      expect(fieldRenders.length).to.be.greaterThan(10);
      // The browser had the main thread back between the first field and the last.
      expect(fieldRenders.at(-1)!.tasks).to.be.greaterThan(fieldRenders[0]!.tasks);
      // No half-built form was ever shown; the whole one is.
      expect(fieldRenders.every((r) => r.formHidden === true)).to.equal(true);
      await until(() => form.shadowRoot!.querySelector('form')!.hidden === false);
      const fields = [...form.shadowRoot!.querySelectorAll('[data-field]')] as LitElement[];
      expect(fields.every((f) => f.hasUpdated)).to.equal(true);
    } finally {
      form.remove();
    }
  });

  it('builds ck-pii-form’s form in a task of its own when something rendered before it', async () => {
    // On config arrival the flow renders the step, then ck-pii-form clones its form of fourteen
    // elements: two tasks on a phone, not one long one. Here a checkbox renders first (2 ms).
    const restore = slowFirstUpdate('ck-checkbox', 2);
    const host = document.createElement('div');
    const checkbox = document.createElement('ck-checkbox');
    const form = document.createElement('ck-pii-form');
    try {
      host.append(checkbox, form);
      document.body.append(host);
      await checkbox.updateComplete;
      // Microtasks only: still the task the checkbox rendered in.
      for (let turn = 0; turn < 20; turn++) await null;
      expect(checkbox.hasUpdated).to.equal(true);
      expect(form.hasUpdated).to.equal(false);
      await form.updateComplete;
    } finally {
      restore();
    }
    try {
      expect(form.hasUpdated).to.equal(true);
      await until(() => form.shadowRoot!.querySelector('form')!.hidden === false);
    } finally {
      host.remove();
    }
  });

  it('creates ck-pii-form’s fourteen elements over two tasks, the form shown only whole', async () => {
    // Creating them (constructors, shadow roots, styles) in one task was the page's longest kit
    // task. Here its first render takes 2 ms, as on a slow phone: the second half must wait.
    const restore = slowFirstUpdate('ck-pii-form', 2);
    const form = document.createElement('ck-pii-form');
    form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
    form.summary = summaryOfRights;
    // The form's own elements (the licence field's state select inside it has no id).
    const ids = () =>
      kitElements(form.shadowRoot!)
        .map((el) => el.id)
        .filter(Boolean);
    const updated = form.updated.bind(form);
    let atFirstUpdate: { ids: string[]; later: string[]; hidden: boolean } | undefined;
    form.updated = (changed) => {
      if (!atFirstUpdate) {
        const first = ids();
        atFirstUpdate = { ids: first, later: first, hidden: true };
        // Microtasks only: still the task that created the first half.
        void (async () => {
          for (let turn = 0; turn < 20; turn++) await null;
          atFirstUpdate!.later = ids();
          atFirstUpdate!.hidden = form.shadowRoot!.querySelector('form')!.hidden;
        })();
      }
      updated(changed);
    };
    try {
      document.body.append(form);
      await form.updateComplete;
    } finally {
      restore();
    }
    try {
      const first = ['first_name', 'middle_name', 'no_middle_name', 'last_name', 'email', 'phone'];
      const rest = ['residence_state', 'zipcode', 'ssn', 'driver_license', 'copy_requested'];
      expect(atFirstUpdate!.ids).to.deep.equal([...first, 'dob']);
      expect(atFirstUpdate!.later).to.deep.equal([...first, 'dob']);
      expect(atFirstUpdate!.hidden).to.equal(true);
      expect(ids()).to.deep.equal([...first, 'dob', ...rest, 'rights']);
      await until(() => form.shadowRoot!.querySelector('form')!.hidden === false);
      expect(kitElements(form.shadowRoot!).every((el) => (el as LitElement).hasUpdated)).to.equal(
        true,
      );
      expect(form.shadowRoot!.querySelector('[part=submit]')).not.to.equal(null);
    } finally {
      form.remove();
    }
  });

  it('shows ck-pii-form’s form to whoever waited for it to render, so a field can take focus', async () => {
    // A page (or a test) that waits for the form and then focuses its first field: the wait
    // began before the form's first render, as when the step appeared a moment ago.
    const form = document.createElement('ck-pii-form');
    form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
    document.body.append(form);
    try {
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
      const input = form
        .shadowRoot!.querySelector('ck-text-field')!
        .shadowRoot!.querySelector('input')!;
      input.focus();
      expect(form.shadowRoot!.querySelector('ck-text-field')!.shadowRoot!.activeElement).to.equal(
        input,
      );
    } finally {
      form.remove();
    }
  });

  it('leaves whatever else a hidden form holds for a later task too, not only its fields', async () => {
    // ck-pii-form's rights disclosure is no field: it used to render in the task that had just
    // built the form. Here a checkbox outside the form spends the slice (10 ms).
    const restore = slowFirstUpdate('ck-checkbox', 10);
    const host = document.createElement('div');
    const checkbox = document.createElement('ck-checkbox');
    const form = document.createElement('form');
    form.hidden = true;
    const disclosure = document.createElement('ck-disclosure');
    form.append(disclosure);
    try {
      host.append(checkbox, form);
      document.body.append(host);
      await checkbox.updateComplete;
      for (let turn = 0; turn < 20; turn++) await null;
      expect(disclosure.hasUpdated).to.equal(false);
      await disclosure.updateComplete;
      expect(disclosure.hasUpdated).to.equal(true);
    } finally {
      restore();
      host.remove();
    }
  });

  it('looks the language up once per element and update, not for every word', async () => {
    // Each lookup walks out of the shadow roots to the nearest `lang`: here, the container's.
    const container = document.createElement('div');
    container.lang = 'es';
    const getAttribute = Element.prototype.getAttribute;
    let lookups = 0;
    Element.prototype.getAttribute = function (this: Element, name: string) {
      if (this === container && name === 'lang') lookups++;
      return getAttribute.call(this, name);
    };
    let updates!: Map<Element, number>;
    const form = document.createElement('ck-pii-form');
    form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
    try {
      updates = await countUpdates(async () => {
        container.append(form);
        document.body.append(container);
        await form.updateComplete;
      });
    } finally {
      Element.prototype.getAttribute = getAttribute;
    }
    try {
      const rendered = [...updates.values()].reduce((a, b) => a + b, 0);
      expect(rendered).to.be.greaterThan(10);
      expect(lookups).to.be.within(1, rendered);
      expect(form.shadowRoot!.querySelector('#ssn')!.shadowRoot!.textContent).to.contain(
        'Número de Seguro Social',
      );
    } finally {
      container.remove();
    }
  });

  it('builds each language’s state options once for the page, and waits for tasks on one channel', async () => {
    // Two forms of two state selects each (residence, licence), rendered in slices: the text
    // fields take 3 ms each, as on a slow phone.
    const restore = slowFirstUpdate('ck-text-field', 3);
    const { Option: NativeOption, MessageChannel: NativeChannel } = window;
    let options = 0;
    let channels = 0;
    window.Option = function (...args: ConstructorParameters<typeof Option>) {
      options++;
      return new NativeOption(...args);
    } as unknown as typeof Option;
    window.MessageChannel = function () {
      channels++;
      return new NativeChannel();
    } as unknown as typeof MessageChannel;
    const host = document.createElement('div');
    const forms = [0, 1].map(() => {
      const form = document.createElement('ck-pii-form');
      form.requirements = { min_age: 18, ssn: true, zipcode: true, driver_license: true };
      return form;
    });
    try {
      host.append(...forms);
      document.body.append(host);
      await Promise.all(forms.map((form) => form.updateComplete));
    } finally {
      restore();
      window.Option = NativeOption;
      window.MessageChannel = NativeChannel;
    }
    try {
      const selects = forms
        .flatMap((form) => kitElements(form.shadowRoot!))
        .flatMap((el) => [...el.shadowRoot!.querySelectorAll('select')]);
      expect(selects.filter((s) => s.options.length > 50)).to.have.length(4);
      // Built once (none at all if an earlier test built the English ones), not once per select.
      expect(options).to.be.at.most(53);
      expect(channels).to.be.at.most(1);
    } finally {
      host.remove();
    }
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
