import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { App } from './App.tsx';

registerTranslation(es); // the kit follows the page's lang

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
