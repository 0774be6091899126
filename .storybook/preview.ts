import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import manifest from '../custom-elements.json';
import './preview.css';

/**
 * Storybook keys a component's argTypes by name across attributes, properties, events, parts and
 * slots, so the `label` part hid the `label` attribute. Parts and custom states get their CSS
 * spelling (`::part(label)`, `:state(user-invalid)`), which is also how a page uses them.
 */
function withDistinctNames(source: typeof manifest): typeof manifest {
  const copy = structuredClone(source);
  for (const module of copy.modules)
    for (const declaration of (module.declarations ?? []) as Array<{
      cssParts?: Array<{ name: string }>;
      cssStates?: Array<{ name: string }>;
    }>) {
      for (const part of declaration.cssParts ?? []) part.name = `::part(${part.name})`;
      for (const state of declaration.cssStates ?? []) state.name = `:state(${state.name})`;
    }
  return copy;
}

setCustomElementsManifest(withDistinctNames(manifest));
registerTranslation(es);

/**
 * Locale, theme and reduced motion from the toolbar (or a story's own globals), applied on a
 * wrapper the way a customer's page would: `lang` and `theme` on an ancestor.
 */
const withToolbarGlobals: Decorator = (story, context) => {
  const { locale = 'en', theme = 'light', reducedMotion = 'no-preference' } = context.globals;
  return html`<div
    class="ck-story"
    lang=${locale}
    theme=${theme}
    ?data-reduced-motion=${reducedMotion === 'reduce'}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withToolbarGlobals],
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    reducedMotion: {
      description: 'Reduced motion',
      toolbar: {
        title: 'Motion',
        icon: 'play',
        items: [
          { value: 'no-preference', title: 'Motion' },
          { value: 'reduce', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', reducedMotion: 'no-preference' },
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
