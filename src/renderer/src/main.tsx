// First: asks for the summary and the first rows while the rest of the bundle is still being set up.
import './app/startup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, savedTheme } from './app/theme';
import './i18n/i18n';
import './styles/app.css';

// Before the first paint, so a dark theme never flashes light.
applyTheme(savedTheme());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
