/**
 * One WebAssembly memory for the world's arrays, so the kernels' WebAssembly twins (twins.ts) read
 * and write the very arrays the JavaScript phases use, at their byte offsets. Arrays are cut from
 * it one after another and never freed: the arrays a kernel touches are allocated once, when the
 * world is built. The memory is shared, which lets it grow without detaching the arrays already
 * cut (an unshared memory's old buffer is detached when it grows) and lets threads of one run use
 * it (cli/threads.ts).
 */

type ArrayConstructor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

const PAGE = 65536;
/** wasm32 addresses 4 GiB: 65,536 pages. */
const MAX_PAGES = 65536;
/** Each array starts on a cache line, so no two arrays share one. */
const ALIGN = 64;
/**
 * The memory's start is the twins': the first page their working space, 1 KB for each thread
 * slot (MAX_SLOTS, parallel.ts), then a table of their constants (twins.ts). The module has no
 * static data (cli/build-wasm.ts checks), so nothing else is there.
 */
export const SCRATCH_BYTES = 1024;
export const CONSTANTS_AT = PAGE;
const FIRST = CONSTANTS_AT + 256;

/** Thrown when an arena cannot be made or cannot hold an array: the world is then built outside one. */
export class ArenaFull extends RangeError {}

export class Arena {
  readonly memory: WebAssembly.Memory;
  /** The buffers the arrays were cut from (the memory has a new one each time it grows). */
  readonly buffers = new WeakSet<ArrayBufferLike>();
  private top = FIRST;
  /** Pages the memory may grow to. */
  private readonly maxPages: number;

  /**
   * A shared memory reserves the address space of its maximum when it is made: `maxBytes` (4 GiB,
   * wasm32's all, unless less is given) bounds the world it can hold.
   */
  constructor(maxBytes = MAX_PAGES * PAGE) {
    this.maxPages = Math.min(MAX_PAGES, Math.max(2, Math.ceil(maxBytes / PAGE)));
    try {
      this.memory = new WebAssembly.Memory({ initial: 1, maximum: this.maxPages, shared: true });
    } catch (e) {
      // A shared memory reserves its maximum's address space up front, which a process may not
      // have; a browser page without cross-origin isolation may have no shared memory at all.
      throw new ArenaFull(`kith: no shared WebAssembly memory of ${this.maxPages * PAGE} bytes could be had (${(e as Error).message})`);
    }
  }

  /** A zeroed typed array of `length` items in the memory. */
  allocate<C extends ArrayConstructor>(type: C, length: number): InstanceType<C> {
    const at = Math.ceil(this.top / ALIGN) * ALIGN;
    const end = at + length * type.BYTES_PER_ELEMENT;
    if (end > this.maxPages * PAGE) throw new ArenaFull(`kith: the world needs more than the ${this.maxPages * PAGE} bytes its WebAssembly memory may hold`);
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch (e) {
        throw new ArenaFull(`kith: the WebAssembly memory could not grow to ${end} bytes (${(e as Error).message})`);
      }
    }
    this.top = end;
    const buffer = this.memory.buffer;
    this.buffers.add(buffer);
    return new type(buffer as unknown as ArrayBuffer, at, length) as InstanceType<C>;
  }

  /** Bytes cut so far. */
  get bytes(): number {
    return this.top;
  }

  /**
   * Zeroes what was cut and cuts from the start again, for the next world of a thread that runs
   * worlds one after another: no new reservation, no fresh pages to fault in, and no memory given
   * back to the system and taken again (which, in a process of several threads, stalls them all).
   * Only when no array cut from the arena is in use any more: the next world's arrays take their
   * place.
   */
  reset(): void {
    // A fresh arena's memory is one page, short of the constants' table that `top` starts after.
    new Uint8Array(this.memory.buffer, 0, Math.min(this.top, this.memory.buffer.byteLength)).fill(0);
    this.top = FIRST;
  }
}
