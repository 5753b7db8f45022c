import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyDocumentLanguage, languageReady } from './i18n';
import { App } from './components/App';
import { keepAppOnDevice } from './offline/keepOnDevice';
import './styles/prosemirror.css';
import './styles/base.css';
import './styles/firstPaint.css';

applyDocumentLanguage();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// the first render in the reader's language (a top-level await here would split the entry's chunk)
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
keepAppOnDevice();
