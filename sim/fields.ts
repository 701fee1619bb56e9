/**
 * Struct-of-arrays storage declared once: a table of field name → typed-array constructor and
 * width, from which storage is allocated. The float precision of the whole engine is set here.
 */

import { Arena } from './wasm/arena.ts';

/** The engine's float type: 64-bit, so sums reduced in a fixed order are reproducible anywhere. */
export const Real = Float64Array;

type ArrayConstructor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

export interface FieldSpec {
  readonly type: ArrayConstructor;
  /** Values per item (3 for per-function fields, stored item-major: `need[3 * i + f]`). */
  readonly width?: number;
  /** Initial value; typed arrays start at 0 otherwise. */
  readonly fill?: number;
  readonly doc: string;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** The arrays a field table describes. */
export type Columns<T extends FieldTable> = { [K in keyof T]: InstanceType<T[K]['type']> };

/**
 * Where the world's arrays go: ordinary memory (false), shared memory (true: for threads within a
 * run, sim/parallel.ts), or an arena of WebAssembly memory (shared too), where the kernels'
 * WebAssembly twins reach them (wasm/twins.ts).
 */
export type Sharing = boolean | Arena;

/**
 * A typed array of `length` items, placed as `shared` says. Its declared type says ArrayBuffer; a
 * shared one serves every use the engine makes.
 */
export function newArray<C extends ArrayConstructor>(type: C, length: number, shared: Sharing = false): InstanceType<C> {
  if (shared instanceof Arena) return shared.allocate(type, length);
  if (!shared) return new type(length) as InstanceType<C>;
  const buffer = new SharedArrayBuffer(Math.max(1, length * type.BYTES_PER_ELEMENT)) as unknown as ArrayBuffer;
  return new type(buffer, 0, length) as InstanceType<C>;
}

export function allocate<T extends FieldTable>(table: T, items: number, shared: Sharing = false): Columns<T> {
  const out: Record<string, ArrayLike<number>> = {};
  for (const [name, spec] of Object.entries(table)) {
    const array = newArray(spec.type, items * (spec.width ?? 1), shared);
    if (spec.fill !== undefined) array.fill(spec.fill);
    out[name] = array;
  }
  return out as Columns<T>;
}

/** Grow every array of a table to hold `items` (for groups, which arise during a run). */
export function grow<T extends FieldTable>(table: T, columns: Columns<T>, items: number): Columns<T> {
  const out = allocate(table, items) as Record<string, { set(a: ArrayLike<number>): void }>;
  for (const name of Object.keys(table)) out[name].set(columns[name] as ArrayLike<number>);
  return out as unknown as Columns<T>;
}
