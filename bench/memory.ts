/**
 * `npm run bench:memory`: what this machine's memory gives one JavaScript thread, to set the
 * day's traffic against (docs/performance.md, "What bounds it"): streaming reads and writes of a
 * 256 MB Float64Array, in GB/s, and gathers of 32-byte blocks at random — as the givers' walk
 * reads a neighbour's asks — from tables the size of 100,000, 1,000,000 and 10,000,000 persons'
 * asks, in ns a block. Each figure is the best of five passes.
 */
import { fixed, formatTable } from './table.ts';

const PASSES = 5;
const STREAM_DOUBLES = 1 << 25; // 256 MB
const GATHERS = 1 << 22;

/** The best (shortest) of `PASSES` timings of `work`, in seconds; `work` returns a value kept alive. */
function best(work: () => number): number {
  let fastest = Infinity;
  let keep = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const t0 = performance.now();
    keep += work();
    fastest = Math.min(fastest, (performance.now() - t0) / 1000);
  }
  if (Number.isNaN(keep)) console.log(keep); // never: keeps the work from being optimised away
  return fastest;
}

const stream = new Float64Array(STREAM_DOUBLES).fill(1);

function streamRead(): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < STREAM_DOUBLES; i += 4) {
    s0 += stream[i];
    s1 += stream[i + 1];
    s2 += stream[i + 2];
    s3 += stream[i + 3];
  }
  return s0 + s1 + s2 + s3;
}

function streamWrite(): number {
  for (let i = 0; i < STREAM_DOUBLES; i++) stream[i] = i;
  return stream[STREAM_DOUBLES - 1];
}

/** Random block indices below `blocks`, from a fixed xorshift: the same every run. */
function randomBlocks(blocks: number): Int32Array {
  const out = new Int32Array(GATHERS);
  let x = 2463534242;
  for (let k = 0; k < GATHERS; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[k] = (x >>> 0) % blocks;
  }
  return out;
}

/** Sums `GATHERS` random 4-double blocks of a table of `blocks` blocks: ns a block. */
function gather(blocks: number): number {
  const table = new Float64Array(4 * blocks).fill(0.5);
  const order = randomBlocks(blocks);
  const seconds = best(() => {
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    for (let k = 0; k < GATHERS; k++) {
      const a = 4 * order[k];
      d0 += table[a];
      d1 += table[a + 1];
      d2 += table[a + 2];
      d3 += table[a + 3];
    }
    return d0 + d1 + d2 + d3;
  });
  return (seconds * 1e9) / GATHERS;
}

const bytes = STREAM_DOUBLES * 8;
const rows = [
  ['stream read, 256 MB', `${fixed(bytes / best(streamRead) / 1e9, 1)} GB/s`],
  ['stream write, 256 MB', `${fixed(bytes / best(streamWrite) / 1e9, 1)} GB/s`],
  ...[100_000, 1_000_000, 10_000_000].map((persons) => [
    `32-byte blocks at random, ${fixed((persons * 32) / 1e6, 1)} MB (${fixed(persons, 0)} persons' asks)`,
    `${fixed(gather(persons), 1)} ns a block`,
  ]),
];
console.log(`Memory as one JavaScript thread sees it (node ${process.version}), best of ${PASSES}\n`);
console.log(
  formatTable(
    [
      { header: 'what', align: 'left' },
      { header: 'measured', align: 'right' },
    ],
    rows,
  ),
);
