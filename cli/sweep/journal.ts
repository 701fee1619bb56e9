/**
 * The journal: an append-only file of a sweep's finished runs, the sweep's only record of them
 * until its final files are assembled. Each record is written whole and fsync'd before the next
 * run is counted as done, and carries its own length and SHA-256, so a record cut off by a crash
 * (or a kill -9 mid-write) is recognised on --resume, dropped, and its run done again.
 *
 *   #kith-journal 1\n                                          once, at the start
 *   R <meta bytes> <data bytes> <sha256 of meta+data>\n<meta><data>\n   per run
 *
 * `meta` is JSON (the run's key, seed and metrics per subgroup); `data` is the run's rows of
 * timeseries.csv, already formatted (empty without --timeseries). Only offsets are kept in memory:
 * records are read back one at a time when the final files are assembled.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { InputError } from '../../scenarios/load.ts';

const MAGIC = '#kith-journal 1\n';
const CHUNK = 1 << 20;

/** A finished run as the journal keeps it. */
export interface RunEntry {
  readonly point: number;
  readonly arm: number;
  readonly replicate: number;
  readonly seed: number;
  readonly subgroups: readonly string[];
  readonly sizes: readonly number[];
  /** The subgroups' membership keys (RunResult.subgroupKeys); absent in journals of earlier versions. */
  readonly keys?: readonly string[];
  /** `metrics[subgroup][metric]` in RUN_METRICS order. */
  readonly metrics: readonly (readonly (number | null)[])[];
  /** Rows of timeseries.csv in the record's data. */
  readonly dataRows?: number;
}

/** Where a record lies in the file. */
export interface RecordAt {
  readonly offset: number;
  readonly metaBytes: number;
  readonly dataBytes: number;
}

// JSON has no NaN or infinities; metrics written as strings come back as the same numbers.
const encode = (x: number | null) => (x === null || Number.isFinite(x) ? x : String(x));
const decode = (x: number | string | null) => (typeof x === 'string' ? Number(x) : x);

export function keyOf(point: number, arm: number, replicate: number): string {
  return `${point}:${arm}:${replicate}`;
}

/** Throws unless the open file `fd` begins as a journal does (closing it first). */
function checkHead(path: string, fd: number): void {
  const head = Buffer.alloc(MAGIC.length);
  readSync(fd, head, 0, head.length, 0);
  if (head.toString('latin1') === MAGIC) return;
  closeSync(fd);
  throw new InputError(path, 'not a kith sweep journal');
}

/** Refuses a file that does not begin as a journal does, reading only its first bytes. */
export function checkJournal(path: string): void {
  const fd = openSync(path, 'r');
  checkHead(path, fd);
  closeSync(fd);
}

export class Journal {
  readonly path: string;
  private fd: number;
  private size: number;
  /** Every whole record, by run key. */
  readonly index = new Map<string, RecordAt>();

  private constructor(path: string, fd: number, size: number) {
    this.path = path;
    this.fd = fd;
    this.size = size;
  }

  /** Creates an empty journal (replacing any file there); it appears with its first line whole. */
  static create(path: string): Journal {
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w+');
    writeAll(fd, Buffer.from(MAGIC), 0);
    fsyncSync(fd);
    renameSync(temp, path);
    return new Journal(path, fd, MAGIC.length);
  }

  /**
   * Opens a journal to continue it: reads every whole record (handing each to `onRecord`), and
   * cuts the file after the last one. Returns the journal, the bytes of the cut-off tail, and the
   * records that began in it (1 for a record cut off by a crash; more where damage lies further in).
   */
  static resume(path: string, onRecord: (entry: RunEntry) => void, writable = true): { journal: Journal; dropped: number; droppedRecords: number } {
    const fd = openSync(path, writable ? 'r+' : 'r');
    const length = fstatSync(fd).size;
    checkHead(path, fd);
    const journal = new Journal(path, fd, MAGIC.length);
    let offset = MAGIC.length;
    for (;;) {
      const record = readRecord(fd, offset, length);
      if (!record) break;
      const entry = journal.decodeMeta(record.at);
      if (!journal.index.has(keyOf(entry.point, entry.arm, entry.replicate))) {
        journal.index.set(keyOf(entry.point, entry.arm, entry.replicate), record.at);
        onRecord(entry);
      }
      offset = record.end;
    }
    journal.size = offset;
    const droppedRecords = recordsBegun(fd, offset, length);
    if (writable && offset < length) {
      ftruncateSync(fd, offset);
      fsyncSync(fd);
    }
    return { journal, dropped: length - offset, droppedRecords };
  }

  /** Appends one run and makes it durable before returning. */
  append(entry: RunEntry, data = ''): void {
    const meta = Buffer.from(JSON.stringify({ ...entry, metrics: entry.metrics.map((row) => row.map(encode)) }), 'utf8');
    const body = Buffer.from(data, 'utf8');
    const hash = createHash('sha256').update(meta).update(body).digest('hex');
    const header = Buffer.from(`R ${meta.length} ${body.length} ${hash}\n`, 'latin1');
    writeAll(this.fd, Buffer.concat([header, meta, body, Buffer.from('\n')]), this.size);
    fsyncSync(this.fd);
    this.index.set(keyOf(entry.point, entry.arm, entry.replicate), { offset: this.size + header.length, metaBytes: meta.length, dataBytes: body.length });
    this.size += header.length + meta.length + body.length + 1;
  }

  /** The run recorded at `at`. */
  decodeMeta(at: RecordAt): RunEntry {
    const buffer = Buffer.alloc(at.metaBytes);
    readAll(this.fd, buffer, at.offset);
    const raw = JSON.parse(buffer.toString('utf8')) as RunEntry & { metrics: (number | string | null)[][] };
    return { ...raw, metrics: raw.metrics.map((row) => row.map(decode)) };
  }

  /** The run's timeseries rows, in chunks of at most a megabyte. */
  *data(at: RecordAt): Generator<Buffer> {
    for (let done = 0; done < at.dataBytes; done += CHUNK) {
      const buffer = Buffer.alloc(Math.min(CHUNK, at.dataBytes - done));
      readAll(this.fd, buffer, at.offset + at.metaBytes + done);
      yield buffer;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function writeAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done, position + done);
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  for (let done = 0; done < buffer.length; ) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new Error('journal: unexpected end of file');
    done += n;
  }
}

/** A record's first line: `R <meta bytes> <data bytes> <SHA-256 of both>`. */
const RECORD_HEADER = /^R (\d+) (\d+) ([0-9a-f]{64})$/;

/** How many record headers begin in the bytes `from … to − 1` (a record's data never holds one: it ends each line with CRLF). */
function recordsBegun(fd: number, from: number, to: number): number {
  let count = 0;
  let carry = '';
  for (let at = from; at < to; at += CHUNK) {
    const buffer = Buffer.alloc(Math.min(CHUNK, to - at));
    readAll(fd, buffer, at);
    const text = carry + buffer.toString('latin1');
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    count += lines.filter((line) => RECORD_HEADER.test(line)).length;
  }
  return count + (/^R \d+ \d+ /.test(carry) ? 1 : 0);
}

/** The whole record at `offset`, or undefined if none is there or it is cut off or damaged. */
function readRecord(fd: number, offset: number, length: number): { at: RecordAt; end: number } | undefined {
  const head = Buffer.alloc(Math.min(200, length - offset));
  if (head.length === 0) return undefined;
  readSync(fd, head, 0, head.length, offset);
  const newline = head.indexOf(10);
  const match = newline > 0 ? RECORD_HEADER.exec(head.toString('latin1', 0, newline)) : null;
  if (!match) return undefined;
  const [metaBytes, dataBytes] = [Number(match[1]), Number(match[2])];
  const start = offset + newline + 1;
  const end = start + metaBytes + dataBytes + 1;
  if (end > length) return undefined;
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(Math.min(CHUNK, metaBytes + dataBytes + 1));
  for (let done = 0; done < metaBytes + dataBytes + 1; ) {
    const n = Math.min(buffer.length, metaBytes + dataBytes + 1 - done);
    readAll(fd, buffer.subarray(0, n), start + done);
    done += n;
    // The final newline is the record's last byte: present only if the write got that far.
    hash.update(done === metaBytes + dataBytes + 1 ? buffer.subarray(0, n - 1) : buffer.subarray(0, n));
    if (done === metaBytes + dataBytes + 1 && buffer[n - 1] !== 10) return undefined;
  }
  if (hash.digest('hex') !== match[3]) return undefined;
  return { at: { offset: start, metaBytes, dataBytes }, end };
}
