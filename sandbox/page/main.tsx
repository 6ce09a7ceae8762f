// The sandbox page: the real card and settings page (through the preview host), the deal list,
// viewer switch, clock controls and dashboard.
import { createRoot } from 'react-dom/client';
import './entries/index.js';
import { App } from './App.js';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
