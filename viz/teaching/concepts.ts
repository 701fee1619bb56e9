/**
 * Teaching aids: short explanations of the concepts behind the labels, opened by the info button
 * beside a label. One shared popover; texts are set as text.
 */

export interface Concept {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export const CONCEPTS: Record<string, Concept> = {
  functions: {
    title: 'Three functions of support',
    paragraphs: [
      'Emotional support is being listened to and comforted; informational support is advice and knowing how; instrumental support is practical help — shopping, care, money (Thoits 2011).',
      'Each person has a need per function and receives support per function from each layer of their environment. A remote tie carries most information (90%), much emotional support (65%) and little practical help (25%).',
    ],
  },
  resilience: {
    title: 'I AM, I CAN, I HAVE',
    paragraphs: [
      'Grotberg’s (1995) three sources of resilience. I AM: inner strength and hope — it raises a person’s wellbeing set-point and lets needs resolve faster. I CAN: social skills and help-seeking — people ask for more help and start groups. I HAVE: support one perceives around oneself — it buffers stress.',
      'All three speed recovery. In a self-help group, I CAN grows.',
    ],
  },
  buffering: {
    title: 'Main effect and buffering',
    paragraphs: [
      'The two classic models of social support (Cohen 2004). Main effect: feeling connected raises wellbeing whether or not one is under stress. Buffering: support one perceives (I HAVE) weakens the effect of stress on wellbeing.',
      'Kith’s wellbeing moves toward wb0 + βc·(connectedness − 0.5) − βs·stress·(1 − γ·I HAVE) − caregiver strain.',
    ],
  },
  divide: {
    title: 'Why online groups leave some people out',
    paragraphs: [
      'An online meeting needs internet access. By default 40% of people aged 65 and over are offline (ONS 2020), against 1% of the young. When a lockdown cuts face-to-face meetings, a group that moves online takes along only its members who are online; the others lose the group as well as their cut ties.',
      'Compare the no-internet and older subgroups in the metrics, and move the “older people online” lever.',
    ],
  },
  shg: {
    title: 'Self-help groups',
    paragraphs: [
      'Small, autonomous groups of peers (5–8 people) who share an experience and support each other: emotional support, experiential knowledge passed from those further along (Borkman 2008), belonging, and capacity building.',
      'On the network a group is drawn as a symbol joined to its members: a dark triangle for a face-to-face group, a blue diamond for an online one; it is filled on days it meets. When a platform opens, new online groups form and grow up to 15 members.',
    ],
  },
  lockdown: {
    title: 'A lockdown',
    paragraphs: [
      'A lockdown cuts a share of face-to-face ties on the kin, friend, neighbour and coworker layers (household ties are never cut). A cut tie goes remote — phone or video — where that is possible (kin and friends; coworkers when both are online), otherwise it closes.',
      'Drawn ties: solid face-to-face, dashed remote, faint when closed. Formal services work remotely at reduced capacity; face-to-face groups stop meeting unless a platform lets them meet online.',
    ],
  },
  formal: {
    title: 'Formal services',
    paragraphs: [
      'Social and health services, each serving a stretch of the population: the squares round the ring, hollow while they work remotely and smaller as their capacity falls. A person asks when their unmet need passes a threshold; a service helps as far as its capacity per client allows. In a lockdown they work remotely, at a share of their capacity (WHO 2020: services disrupted in 93% of countries).',
    ],
  },
  wellbeing: {
    title: 'Wellbeing, distress and loneliness',
    paragraphs: [
      'Wellbeing runs from 0 to 1. A person is distressed when it falls below the distress threshold (0.76 by default), lonely when their connectedness falls below 0.68. The band around each arm’s mean spans the 10th to the 90th percentile of persons.',
      'The shaded span is the crisis window the resilience metrics are measured against; the purple bar marks days of lockdown.',
    ],
  },
  metrics: {
    title: 'Resilience metrics',
    paragraphs: [
      'Measured per subgroup against the crisis window: depth is the baseline (mean wellbeing in the 28 days before) minus the lowest mean wellbeing after the crisis starts; loss sums the shortfall below baseline; recovery counts the days from the end of the crisis until wellbeing is back within 1% of baseline.',
      'Both arms run the same persons, network and life events (the same seed), so their difference is the effect of what differs between the arms — a counterfactual no field study can observe. While a run plays, the metrics cover the days so far.',
    ],
  },
  layers: {
    title: 'Person in environment',
    paragraphs: [
      'Each person lives among layers of ties — household, kin in other households, friends, neighbours, coworkers — and may be a client of a formal service and a member of a self-help group. Persons sit on a ring, as the engine builds them: households, friends and neighbours lie close along it; kin and coworkers are chords across it.',
    ],
  },
};

let open: { button: HTMLButtonElement; box: HTMLElement } | null = null;

function close(): void {
  if (!open) return;
  open.button.setAttribute('aria-expanded', 'false');
  open.box.remove();
  open = null;
}

function show(button: HTMLButtonElement, concept: Concept): void {
  const box = document.createElement('div');
  box.className = 'concept';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', concept.title);
  const h = document.createElement('h3');
  h.textContent = concept.title;
  box.append(h);
  for (const text of concept.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    box.append(p);
  }
  document.body.append(box);
  const r = button.getBoundingClientRect();
  const left = Math.min(window.innerWidth - box.offsetWidth - 8, Math.max(8, r.left - 20));
  const below = r.bottom + 6 + box.offsetHeight < window.innerHeight;
  box.style.left = `${left + window.scrollX}px`;
  box.style.top = `${(below ? r.bottom + 6 : r.top - 6 - box.offsetHeight) + window.scrollY}px`;
  button.setAttribute('aria-expanded', 'true');
  open = { button, box };
}

/**
 * The "i" of the info icon, drawn (a dot over a stem) rather than written: the ⓘ character is
 * missing from many systems' fonts, and the viewer loads none. Its circle is the CSS border of
 * the element it sits in (.explain, .explain-icon).
 */
function infoGlyph(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'info-glyph');
  const dot = document.createElementNS(ns, 'circle');
  Object.entries({ cx: 8, cy: 4.6, r: 1.3 }).forEach(([k, v]) => dot.setAttribute(k, String(v)));
  const stem = document.createElementNS(ns, 'rect');
  Object.entries({ x: 6.9, y: 7, width: 2.2, height: 5.6, rx: 0.6 }).forEach(([k, v]) => stem.setAttribute(k, String(v)));
  svg.append(dot, stem);
  return svg;
}

/** The info icon as it stands in a text that refers to the buttons. */
export function infoIcon(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'explain-icon';
  span.append(infoGlyph());
  return span;
}

/** An info button that opens the explanation of `key`. */
export function explain(key: string): HTMLButtonElement {
  const concept = CONCEPTS[key];
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'explain';
  button.append(infoGlyph());
  button.title = concept ? `What is this? ${concept.title}` : 'What is this?';
  button.setAttribute('aria-label', button.title);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const same = open?.button === button;
    close();
    if (!same && concept) show(button, concept);
  });
  return button;
}

export function closeConcept(): boolean {
  const was = open !== null;
  close();
  return was;
}

document.addEventListener('click', (event) => {
  if (open && !open.box.contains(event.target as Node)) close();
});
