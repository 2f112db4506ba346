import './zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { initI18n } from './i18n/i18n.js';
import './styles/app.css';

// The first drawing waits for the reader's catalogue, so an English reader never sees Danish flash by.
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
