/** Keyboard shortcuts, and the help overlay that lists them. */
import { infoIcon } from '../teaching/concepts.ts';

export interface Shortcut {
  readonly keys: readonly string[];
  /** As shown in the help overlay. */
  readonly label: string;
  readonly does: string;
  readonly run: () => void;
  /** Acts while the help overlay is open (only its own key does: the page behind is out of sight). */
  readonly overHelp?: boolean;
}

export function shortcuts(actions: {
  toggle: () => void;
  step: () => void;
  back: () => void;
  start: () => void;
  faster: () => void;
  slower: () => void;
  lockdown: () => void;
  reopen: () => void;
  reset: () => void;
  presenter: () => void;
  help: () => void;
}): Shortcut[] {
  return [
    { keys: [' '], label: 'Space', does: 'play / pause', run: actions.toggle },
    { keys: ['ArrowRight', '.'], label: '→', does: 'one day on', run: actions.step },
    { keys: ['ArrowLeft', ','], label: '←', does: 'one day back', run: actions.back },
    { keys: ['Home'], label: 'Home', does: 'day 0', run: actions.start },
    { keys: ['+', '='], label: '+', does: 'faster', run: actions.faster },
    { keys: ['-', '_'], label: '−', does: 'slower', run: actions.slower },
    { keys: ['l', 'L'], label: 'L', does: 'Lockdown now', run: actions.lockdown },
    { keys: ['o', 'O'], label: 'O', does: 'Reopen now', run: actions.reopen },
    { keys: ['r', 'R'], label: 'R', does: 'reset to day 0 (same seed, no live events)', run: actions.reset },
    { keys: ['p', 'P'], label: 'P', does: 'presenter mode', run: actions.presenter },
    { keys: ['?'], label: '?', does: 'this help', run: actions.help, overHelp: true },
  ];
}

/** Keys that move through a closed select's options, changing its value as they go. */
const SELECT_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * After a choice in a select, focus goes back to the page: a focused select takes every key —
 * L would pick "low-income" by type-ahead, Space would open it — so the shortcuts would be dead.
 * A change made by arrowing or typing through the closed select keeps its focus, so the next key
 * goes on through the options.
 */
export function releaseSelectsOnChoice(): void {
  let browsing = false;
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.target instanceof HTMLSelectElement) browsing = SELECT_KEYS.has(event.key) || event.key.length === 1;
    },
    true,
  );
  // Arrowing changes the value on keydown; by keyup the key has done its work.
  document.addEventListener('keyup', () => (browsing = false), true);
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement && !browsing) event.target.blur();
    browsing = false;
  });
}

/** What a pointer click focuses in most browsers and then keeps: the buttons and menus' heads. */
const PRESSABLE = 'button, summary';

/**
 * After a pointer click on a button (Step, say), focus goes back to the page: a focused button
 * takes Space and Enter for itself, so Space would press Step again instead of play / pause.
 * A pointer click has `detail` ≥ 1 (the click count); a button pressed from the keyboard — Tab,
 * then Space or Enter — gets a click with `detail` 0 and keeps its focus, so a keyboard user stays
 * where they are and Space presses the button they chose. Giving focus back on pointer clicks,
 * rather than asking `:focus-visible` at each key, behaves the same in every browser: they differ
 * in whether a button clicked with the mouse takes focus at all, and in whether a later key makes
 * it focus-visible. Capture phase, so it runs even where a button stops its click's propagation
 * (the info buttons do); the button's own action still runs after it.
 */
export function releaseButtonsOnPointerClick(): void {
  document.addEventListener(
    'click',
    (event) => {
      if (event.detail === 0 || !(event.target instanceof Element)) return;
      const pressed = event.target.closest(PRESSABLE);
      if (pressed instanceof HTMLElement && pressed === document.activeElement) pressed.blur();
    },
    true,
  );
}

/**
 * Listens for shortcuts — except while typing in a field, and, while `helpOpen()`, all but the
 * help's own — and runs `escape` on Escape.
 */
export function bindKeys(list: readonly Shortcut[], escape: () => void, helpOpen: () => boolean): void {
  releaseSelectsOnChoice();
  releaseButtonsOnPointerClick();
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      escape();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) {
      const range = target instanceof HTMLInputElement && target.type === 'range';
      if (!range || event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') return;
    }
    // A button the keyboard went to (a pointer click leaves none focused): Space and Enter press it.
    if (target?.closest(PRESSABLE) && (event.key === ' ' || event.key === 'Enter')) return;
    const shortcut = list.find((s) => s.keys.includes(event.key));
    if (!shortcut || (helpOpen() && !shortcut.overHelp)) return;
    event.preventDefault();
    shortcut.run();
  });
}

export class HelpOverlay {
  readonly root: HTMLElement;

  constructor(parent: HTMLElement, list: readonly Shortcut[]) {
    this.root = document.createElement('div');
    this.root.className = 'overlay help-overlay';
    this.root.hidden = true;
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-label', 'Keyboard shortcuts');
    const box = document.createElement('div');
    box.className = 'overlay-box';
    const h = document.createElement('h2');
    h.textContent = 'Keyboard shortcuts';
    const table = document.createElement('table');
    for (const s of list) {
      const tr = document.createElement('tr');
      const key = document.createElement('th');
      const kbd = document.createElement('kbd');
      kbd.textContent = s.label;
      key.append(kbd);
      const what = document.createElement('td');
      what.textContent = s.does;
      tr.append(key, what);
      table.append(tr);
    }
    const tip = document.createElement('p');
    tip.append('Click a person to open their world; Esc closes it. The ', infoIcon(), ' buttons explain the concepts behind the labels. The address always holds every setting: copy it to share this view.');
    box.append(h, table, tip);
    this.root.append(box);
    this.root.addEventListener('click', (e) => e.target === this.root && this.hide());
    parent.append(this.root);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  toggle(): void {
    this.root.hidden = !this.root.hidden;
  }

  hide(): boolean {
    const was = this.isOpen;
    this.root.hidden = true;
    return was;
  }
}
