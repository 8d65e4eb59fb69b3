import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { prefetchFirstScreen } from './api/first-screen';
import { bindThemeToDocument } from './ui/theme/theme-store';
import { catchEarlyDrops } from './features/uploads/early-drops';
import './app/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Before the first render, so a stored Light/Dark choice never flashes the OS theme first.
bindThemeToDocument();

// Files dropped before the uploads overlay has loaded are kept for it.
catchEarlyDrops();

const queryClient = createQueryClient();
// The first data is asked for now, while React renders the frame, not after the frame has rendered.
void prefetchFirstScreen(queryClient);

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
