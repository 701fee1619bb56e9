/** Worker threads from a script beside this module: compiled JavaScript, or TypeScript run through tsx. */
import { Worker, type TransferListItem } from 'node:worker_threads';

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** Starts the worker script `name` (`worker`, `thread-worker`) with `workerData`. */
export function startWorker(name: string, workerData: Record<string, unknown> = {}, transferList: TransferListItem[] = []): Worker {
  if (!FROM_SOURCE) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData, transferList });
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(new URL('./worker-source.mjs', import.meta.url), { workerData: { ...workerData, entry }, transferList });
}
