// React components for the kit's elements, by @lit/react (the Lit team's wrapper): props are the
// elements' own typed properties, and each `ck-*` event is an `on...` prop typed with its class.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CkApplyFlow } from '@checkr-kit/apply-flow';
import { CkPayEmbed } from '@checkr-kit/pay-embed';
import type {
  CkCompleteEvent,
  CkErrorEvent,
  CkPayErrorEvent,
  CkPayReadyEvent,
  CkPayTokenExpiredEvent,
  CkStepChangeEvent,
} from '@checkr-kit/core';

export const ApplyFlow = createComponent({
  tagName: 'ck-apply-flow',
  elementClass: CkApplyFlow,
  react: React,
  events: {
    onStepChange: 'ck-step-change' as EventName<CkStepChangeEvent>,
    onComplete: 'ck-complete' as EventName<CkCompleteEvent>,
    onFlowError: 'ck-error' as EventName<CkErrorEvent>,
  },
});

export const PayEmbed = createComponent({
  tagName: 'ck-pay-embed',
  elementClass: CkPayEmbed,
  react: React,
  events: {
    onReady: 'ck-pay-ready' as EventName<CkPayReadyEvent>,
    onPayError: 'ck-pay-error' as EventName<CkPayErrorEvent>,
    onTokenExpired: 'ck-pay-token-expired' as EventName<CkPayTokenExpiredEvent>,
  },
});
