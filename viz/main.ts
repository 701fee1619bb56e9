/** The viewer's entry: styles, then the app on #app. */
import './style.css';
import { App, type Probe } from './app.ts';

declare global {
  interface Window {
    /** Read by the browser tests and the benchmark; changes nothing. */
    __kith?: Probe;
  }
}

const root = document.getElementById('app') as HTMLElement;
try {
  const app = new App(root);
  window.__kith = app.probe;
} catch (error) {
  const p = document.createElement('p');
  p.className = 'fatal';
  p.textContent = `Kith could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(p);
  throw error;
}
