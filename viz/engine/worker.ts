/**
 * The engine's Web Worker: one Session (the two arms on one clock) and the layout, so the page
 * never waits on a simulated day. Replies carry the request's id; their typed arrays are
 * transferred to the page, not copied.
 */
/// <reference lib="webworker" />
import { computeLayout } from './layout.ts';
import type { Message, Opened, Request } from './protocol.ts';
import { Session } from './session.ts';

let session: Session | null = null;
/** Layouts by network and seed: a comparison that leaves the network alone (other arms, most levers) reuses its layout. */
const layouts = new Map<string, Float32Array>();

function layoutOf(s: Session): Float32Array {
  const info = s.info()[0];
  const seed = s.comparison.seed;
  const key = [seed, info.n, info.neighbour.length, hash(info.offsets), hash(info.neighbour)].join(':');
  let xy = layouts.get(key);
  if (!xy) {
    xy = computeLayout({ n: info.n, offsets: info.offsets, neighbour: info.neighbour, seed });
    if (layouts.size > 4) layouts.clear();
    layouts.set(key, xy);
  }
  return xy.slice();
}

/** FNV-1a over the ties: networks that differ anywhere get different layouts. */
function hash(values: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < values.length; i++) h = Math.imul(h ^ values[i], 0x01000193);
  return h >>> 0;
}

function current(): Session {
  if (!session) throw new Error('no comparison is open');
  return session;
}

function handle(request: Request): unknown {
  switch (request.type) {
    case 'open': {
      session = new Session(request.comparison);
      session.seek(request.day);
      session.track(request.person);
      const opened: Opened = { arms: session.info(), layout: layoutOf(session), frame: session.frame(0) };
      return opened;
    }
    case 'step':
      current().step(request.days);
      return current().frame(request.have);
    case 'seek':
      current().seek(request.day);
      return current().frame(request.have);
    case 'live': {
      const comparison = current().live(request.event);
      return { ...current().frame(request.have), comparison };
    }
    case 'person':
      current().track(request.person);
      return current().frame(request.have);
    case 'export':
      return current().exportFiles();
  }
}

/** Every ArrayBuffer under `value`, to transfer. */
function buffers(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) buffers(v, found);
  return [...found];
}

self.onmessage = (event: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = event.data;
  let reply: Message;
  try {
    reply = { id, ok: true, result: handle(request) };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, buffers(reply));
};
