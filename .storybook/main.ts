import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // The Pay stand-in's CSS and script come from the sandbox itself; only its pages are copies.
  staticDirs: ['./public', { from: '../sandbox/src/embeddable-assets', to: '/sandbox/pay-cdn' }],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
