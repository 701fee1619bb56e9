// Starts a worker from TypeScript source (under tsx, in development and tests): Node 20 does not
// pass the parent's module loader on to worker threads, so the worker registers tsx itself.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
