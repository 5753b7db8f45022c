import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyDocumentLanguage } from './i18n';
import { App } from './components/App';
import './styles/prosemirror.css';
import './styles/base.css';
import './styles/firstPaint.css';

applyDocumentLanguage();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
