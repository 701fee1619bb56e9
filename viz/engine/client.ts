/** The page's side of the engine worker: each request a promise of its reply. */
import type { Message, Reply, Request } from './protocol.ts';

export class EngineClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kith-engine' });
    this.worker.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      const pending = this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(message.error));
    };
    this.worker.onerror = (event) => {
      const error = new Error(`the engine stopped: ${event.message}`);
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
  }

  request<R extends Request>(request: R): Promise<Reply<R>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /** Requests waiting for their reply. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }
}
