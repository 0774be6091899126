import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkApplyFlow } from '@checkr-kit/apply-flow';
import { mockBff, storyConfig, type Scenario } from '../support/mock-bff.ts';

interface Args {
  scenario: Scenario;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Apply flow',
  component: 'ck-apply-flow',
  argTypes: {
    scenario: {
      control: 'select',
      options: [
        'happy',
        'server-field-errors',
        'duplicate-candidate',
        'network-error',
        'session-expired',
        'slow',
      ],
      description: 'What the mocked BFF answers',
    },
    width: { control: 'text' },
  },
  args: { scenario: 'happy', width: '40rem' },
  render: ({ scenario, width }) =>
    html`<div style="max-width: ${width}">
      <ck-apply-flow .api=${mockBff(scenario)}></ck-apply-flow>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

const flowOf = (canvas: HTMLElement) => canvas.querySelector<CkApplyFlow>('ck-apply-flow')!;
const until = async <T>(probe: () => T | null | undefined | false): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('story did not reach its state');
};

/** A ZIP code in each state the stories live in: the BFF refuses a state the ZIP code is not in. */
const ZIP_OF: Record<string, string> = { CA: '94107', PA: '18505', TX: '75201' };

/** Fills the PII step the way a candidate would end up, for the later steps' stories. */
async function fillPii(flow: CkApplyFlow, residence = 'CA'): Promise<void> {
  const form = await until(() => flow.shadowRoot!.querySelector('ck-pii-form'));
  await form.updateComplete;
  const set = (id: string, value: string) => {
    const field = form.shadowRoot!.querySelector(`#${id}`) as HTMLElement & {
      value: string;
      state?: string;
    };
    field.value = value;
  };
  set('first_name', 'Michael');
  set('middle_name', 'Gary');
  set('last_name', 'Scott');
  set('email', 'michael.scott@dundermifflin.com');
  set('dob', '1964-03-15');
  set('residence_state', residence);
  set('zipcode', ZIP_OF[residence] ?? '');
  set('ssn', '111-11-2001');
  const license = form.shadowRoot!.querySelector('#driver_license') as HTMLElement & {
    value: string;
    state: string;
  };
  license.state = 'CA';
  license.value = 'F1112001';
  const rights = form.shadowRoot!.querySelector('ck-disclosure') as HTMLElement & {
    acknowledged: boolean;
  };
  rights.acknowledged = true;
  await new Promise((resolve) => setTimeout(resolve, 50));
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
}

async function acknowledgeAndContinue(flow: CkApplyFlow): Promise<void> {
  const disclosure = await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
  (disclosure as HTMLElement & { acknowledged: boolean }).acknowledged = true;
  const box = disclosure.shadowRoot!.querySelector('ck-checkbox') as HTMLElement & {
    checked: boolean;
    updateComplete: Promise<unknown>;
  };
  box.checked = true;
  await box.updateComplete;
  flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
}

/** A session in Spanish, as the BFF's config gives it, with any scenario. */
const inSpanish: Story = {
  globals: { locale: 'es' },
  render: ({ scenario }) =>
    html`<ck-apply-flow
      .api=${mockBff(scenario, { ...storyConfig, session: { id: 's', locale: 'es' } })}
    ></ck-apply-flow>`,
};

/** Step 1: personal details with the summary of rights. */
export const FullFlow: Story = { name: 'Full flow' };

export const Loading: Story = { args: { scenario: 'slow' } };

export const SessionExpired: Story = { args: { scenario: 'session-expired' } };

export const NetworkErrorThenRetry: Story = { args: { scenario: 'network-error' } };

export const ServerFieldErrors: Story = {
  args: { scenario: 'server-field-errors' },
  play: async ({ canvasElement }) => fillPii(flowOf(canvasElement)),
};

/** Checkr refused the candidate as a duplicate: what happened and what to do, no retry. */
export const DuplicateCandidate: Story = {
  args: { scenario: 'duplicate-candidate' },
  play: async ({ canvasElement }) => fillPii(flowOf(canvasElement)),
};

export const DuplicateCandidateSpanish: Story = { ...inSpanish, ...DuplicateCandidate };

export const FullFlowDisclosure: Story = {
  name: 'Full flow: 2, disclosure',
  play: async ({ canvasElement }) => {
    const flow = flowOf(canvasElement);
    await fillPii(flow);
    await until(() => flow.shadowRoot!.querySelector('ck-disclosure'));
  },
};

/** Each later step plays the one before it, then takes one step more. */
export const FullFlowStateDisclosure: Story = {
  name: 'Full flow: 3, California disclosure',
  play: async (context) => {
    await FullFlowDisclosure.play!(context);
    const flow = flowOf(context.canvasElement);
    await acknowledgeAndContinue(flow);
    await until(
      () =>
        (
          flow.shadowRoot!.querySelector('ck-disclosure') as
            (HTMLElement & { document?: { id: string } }) | null
        )?.document?.id === 'ca-disclosure',
    );
  },
};

export const FullFlowSignature: Story = {
  name: 'Full flow: 4, signature',
  play: async (context) => {
    await FullFlowStateDisclosure.play!(context);
    const flow = flowOf(context.canvasElement);
    await acknowledgeAndContinue(flow);
    await until(() => flow.shadowRoot!.querySelector('ck-signature'));
  },
};

export const FullFlowSubmitted: Story = {
  name: 'Full flow: 5, submitted',
  play: async (context) => {
    await FullFlowSignature.play!(context);
    const flow = flowOf(context.canvasElement);
    const signature = flow.shadowRoot!.querySelector('ck-signature')!;
    const name = signature.shadowRoot!.querySelector('ck-text-field') as HTMLElement & {
      value: string;
      updateComplete: Promise<unknown>;
    };
    name.value = 'Michael Scott';
    const esign = signature.shadowRoot!.querySelector('ck-checkbox') as HTMLElement & {
      checked: boolean;
      updateComplete: Promise<unknown>;
    };
    esign.checked = true;
    await Promise.all([name.updateComplete, esign.updateComplete]);
    flow.shadowRoot!.querySelector<HTMLButtonElement>('[part=nav] button:last-child')!.click();
    await until(() => flow.shadowRoot!.querySelector('[part=complete]'));
  },
};

export const Spanish: Story = { ...inSpanish };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Narrow360: Story = { name: '360 px', args: { width: '360px' } };

export const Zoom200: Story = {
  name: '200% zoom',
  render: ({ scenario }) =>
    html`<div style="zoom: 2; max-width: 640px">
      <ck-apply-flow .api=${mockBff(scenario)}></ck-apply-flow>
    </div>`,
};
