import { createApp } from 'vue';
import '@checkr-kit/apply-flow';
import '@checkr-kit/pay-embed';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import App from './App.vue';

registerTranslation(es); // the kit follows the page's lang
createApp(App).mount('#app');
