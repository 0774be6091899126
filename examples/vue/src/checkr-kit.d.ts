// Types for the kit's elements in Vue templates, the way Vue's guide types non-Vue custom
// elements: props are the elements' own properties, events their typed `ck-*` event classes.
import type { EmitFn, PublicProps } from 'vue';
import type { CkApplyFlow } from '@checkr-kit/apply-flow';
import type { CkPayEmbed } from '@checkr-kit/pay-embed';
import type {
  CkCompleteEvent,
  CkErrorEvent,
  CkPayErrorEvent,
  CkPayReadyEvent,
  CkPayTokenExpiredEvent,
  CkStepChangeEvent,
} from '@checkr-kit/core';

type EventMap = Record<string, Event>;
type DefineCustomElement<
  Element extends HTMLElement,
  Events extends EventMap,
  Props extends keyof Element,
> = new () => Element & {
  $props: Partial<Pick<Element, Props>> & PublicProps;
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'ck-apply-flow': DefineCustomElement<
      CkApplyFlow,
      {
        'ck-step-change': CkStepChangeEvent;
        'ck-complete': CkCompleteEvent;
        'ck-error': CkErrorEvent;
      },
      'apiBase' | 'sessionToken' | 'fetchSessionToken'
    >;
    'ck-pay-embed': DefineCustomElement<
      CkPayEmbed,
      {
        'ck-pay-ready': CkPayReadyEvent;
        'ck-pay-error': CkPayErrorEvent;
        'ck-pay-token-expired': CkPayTokenExpiredEvent;
      },
      'tokenUrl' | 'fetchHostToken'
    >;
  }
}
