/**
 * An output folder whose files appear only when complete: every file is written under a temporary
 * name, and all are renamed into place together once the last is done. A run that fails or is
 * interrupted leaves no file under a final name (and removes its temporary ones). Once in place,
 * the folder holds one command's outputs: any other file that an earlier command's manifest lists
 * is removed.
 */
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { csvRow, type Cell, type Column, type CsvPart } from '../sim/index.ts';
import { UsageError } from './errors.ts';

export interface WrittenFile {
  readonly path: string;
  /** Data rows (CSV) — the header is not counted. */
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Checks that `dir` can hold outputs, before any work is done: a folder, or a path whose nearest
 * existing part is a folder in which this process can make one — tried with a folder made and
 * removed at once, since some filesystems (/proc) pass the permission check yet refuse — and with
 * no folder under the name of one of the `files` to be written there.
 */
export function checkOutputDir(dir: string, files: readonly string[] = OUTPUT_FILES): void {
  if (dir.trim() === '') throw new UsageError('--out: expected a folder, got an empty name');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir}: expected a folder, but it is a file`);
  checkNoFolderInPlace(dir, files);
  let existing = resolve(dir);
  while (!existsSync(existing)) {
    if (isLink(existing)) throw new UsageError(`--out ${dir}: ${existing} is a link to ${readlinkSync(existing)}, which does not exist`);
    existing = dirname(existing);
  }
  if (!statSync(existing).isDirectory()) throw new UsageError(`--out ${dir}: cannot be made, ${existing} is a file`);
  try {
    accessSync(existing, constants.W_OK);
    if (existing !== resolve(dir)) {
      const probe = join(existing, `.kith-${process.pid}.probe`);
      mkdirSync(probe);
      rmdirSync(probe);
    }
  } catch {
    throw new UsageError(`--out ${dir}: cannot be written, ${existing} is not writable`);
  }
}

/**
 * A folder under the name of a file Kith writes could not be replaced by it at commit(): said
 * now, rather than once every run is done.
 */
function checkNoFolderInPlace(dir: string, files: readonly string[]): void {
  for (const name of files) {
    const path = join(dir, name);
    if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--out ${dir}: ${path} is a folder, where kith writes a file; move it, or choose another folder`);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Makes `dir` and any missing folders above it, one at a time (Node's recursive mkdir loops for
 * ever where a filesystem refuses a folder, as /proc does); returns those it made, outermost first.
 */
export function makeFolder(dir: string): string[] {
  const missing: string[] = [];
  for (let path = resolve(dir); !existsSync(path); path = dirname(path)) missing.unshift(path);
  for (const path of missing) mkdirSync(path);
  return missing;
}

/** The folder under out/ for outputs named `name` when --out is not given: a name of dots alone would climb out of it. */
export function defaultOut(name: string): string {
  return join('out', name.replace(/[^\w.-]+/g, '-').replace(/^\.+$/, 'unnamed'));
}

/**
 * Every file kith run, kith sweep and kith merge write into an output folder. What an earlier
 * command left, as its manifest lists, and the present one does not write is removed when it
 * commits — an agents.csv from a run with --agents, a sweep's points.csv under a run's files, a
 * timeseries.csv of an earlier sweep of other persons — so the folder holds what its manifest
 * lists, and no reader finds a table of another run beside it.
 */
export const OUTPUT_FILES: readonly string[] = [
  'timeseries.csv',
  'runs.csv',
  'summary.csv',
  'effects.csv',
  'agents.csv',
  'ties.csv',
  'flows.csv',
  'points.csv',
  'sensitivity.csv',
  'datapackage.json',
  'manifest.json',
];

/** Whether process `pid` runs on this machine. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary file or an earlier output moved aside by OutputDir: `.runs.csv.1234.tmp`, `.runs.csv.1234.old`. */
const LEFT_BEHIND = /^\.(.+)\.(\d+)\.(?:tmp|old)$/;

/**
 * Removes what a killed command left in `dir` of the files `names`, where the process that made
 * it is gone: a kill -9 (the OOM killer, a batch system's time limit) gives it no chance to, and a
 * partial timeseries.csv may be gigabytes, hidden by its leading dot.
 */
function removeLeftBehind(dir: string, names: ReadonlySet<string>): void {
  for (const file of readdirSync(dir)) {
    const match = LEFT_BEHIND.exec(file);
    if (match && names.has(match[1]) && !alive(Number(match[2]))) rmSync(join(dir, file), { force: true });
  }
}

/** The files a Kith command's manifest.json in `dir` lists, and the manifest itself; none without one. */
function listedInManifest(dir: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { kith?: unknown; files?: { path?: unknown }[] };
    if (manifest.kith === undefined || !Array.isArray(manifest.files)) return new Set();
    return new Set(['manifest.json', ...manifest.files.map((f) => String(f.path))]);
  } catch {
    return new Set();
  }
}

/** Rows formatted already, as one text or as bytes (read back from a sweep's journal). */
export type CsvChunk = CsvPart | { readonly text: Buffer; readonly rows: number };

/** A CSV file being written a part at a time (OutputDir.startCsv). */
export interface CsvWriter {
  write(part: CsvChunk): void;
  /** Ends the file: what was written. */
  close(): WrittenFile;
}

/**
 * Items that come in any order, handed on in the order of their numbers (0, 1, 2, …), each as soon
 * as every one before it is in: a run's parts of timeseries.csv, which workers finish out of order.
 */
export class InOrder<T> {
  private readonly held = new Map<number, T>();
  private next = 0;
  private readonly take: (item: T) => void;

  constructor(take: (item: T) => void) {
    this.take = take;
  }

  put(index: number, item: T): void {
    this.held.set(index, item);
    for (let ready; (ready = this.held.get(this.next)) !== undefined; this.next++) {
      this.held.delete(this.next);
      this.take(ready);
    }
  }
}

export class OutputDir {
  private readonly pending: { temp: string; final: string }[] = [];
  /** Files of startCsv() not closed yet. */
  private readonly writing = new Set<number>();
  readonly files: WrittenFile[] = [];
  readonly dir: string;
  /** Folders this output made, outermost first: an aborted output removes them again if empty. */
  private readonly made: string[] = [];
  /** Earlier outputs that commit() removes where it does not replace them. */
  private readonly replaces: readonly string[];

  /**
   * `replaces`: the files of an earlier command in `dir` that commit() removes — by default every
   * table and document a run, sweep or merge writes; none for files that live beside them.
   */
  constructor(dir: string, replaces: readonly string[] = OUTPUT_FILES) {
    this.dir = dir;
    this.replaces = replaces;
  }

  private open(name: string, mode?: number): { fd: number; temp: string } {
    this.made.push(...makeFolder(this.dir));
    const temp = join(this.dir, `.${name}.${process.pid}.tmp`);
    this.pending.push({ temp, final: join(this.dir, name) });
    return { fd: openSync(temp, 'w', mode), temp };
  }

  /** Writes a CSV file: the header, then each row, in chunks. */
  writeCsv(name: string, columns: readonly Column[], rows: Iterable<readonly Cell[]>): WrittenFile {
    return this.writeCsvParts(name, columns, (function* () {
      for (const row of rows) yield { text: csvRow(row), rows: 1 };
    })());
  }

  /**
   * Writes a CSV file from rows formatted already (a sweep's timeseries, read back from its
   * journal): the header, then each part, which says how many rows it holds.
   */
  writeCsvParts(name: string, columns: readonly Column[], parts: Iterable<CsvChunk>): WrittenFile {
    const writer = this.startCsv(name, columns);
    for (const part of parts) writer.write(part);
    return writer.close();
  }

  /**
   * Starts a CSV file that is written part by part as the parts come (a run's timeseries, formatted
   * by the workers): the header at once, then each part written to it. Closing it says what was
   * written; like every file here it appears under its name only at commit().
   */
  startCsv(name: string, columns: readonly Column[]): CsvWriter {
    const { fd } = this.open(name);
    this.writing.add(fd);
    const hash = createHash('sha256');
    let bytes = 0;
    let count = 0;
    let chunk = csvRow(columns.map((c) => c.name));
    const write = (buffer: Buffer) => {
      for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done);
      hash.update(buffer);
      bytes += buffer.length;
    };
    const flush = () => {
      write(Buffer.from(chunk, 'utf8'));
      chunk = '';
    };
    return {
      write: (part) => {
        count += part.rows;
        if (typeof part.text !== 'string') {
          flush();
          write(part.text);
        } else if ((chunk += part.text).length > 1 << 20) flush();
      },
      close: () => {
        try {
          flush();
        } finally {
          this.writing.delete(fd);
          closeSync(fd);
        }
        const file = { path: name, rows: count, bytes, sha256: hash.digest('hex') };
        this.files.push(file);
        return file;
      },
    };
  }

  /** Writes a text file (JSON documents; scripts, with `mode` 0o755). */
  writeText(name: string, text: string, mode?: number): WrittenFile {
    const { fd } = this.open(name, mode);
    const buffer = Buffer.from(text, 'utf8');
    try {
      writeSync(fd, buffer);
    } finally {
      closeSync(fd);
    }
    return { path: name, rows: 0, bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') };
  }

  /**
   * Moves every file into place, and removes the outputs of earlier commands it did not replace
   * (and the temporary files of killed ones): all or nothing. Earlier outputs are first moved
   * aside, then the new files moved in; should a move fail (a folder where a file goes, a full
   * disk), the new files are taken out again and the earlier ones put back, so the folder never
   * mixes two commands' files under one manifest.
   */
  commit(): void {
    // Only what an earlier command's manifest says it wrote: a flows.csv of the user's own, in a
    // folder they chose for --out, is not Kith's to remove.
    const listed = listedInManifest(this.dir);
    const replaced = this.replaces.filter((name) => listed.has(name)).map((name) => join(this.dir, name));
    // Files only: a folder of the user's under one of these names is not Kith's to move.
    const names = new Set([...replaced, ...this.pending.map(({ final }) => final)]);
    const earlier = [...names].filter((path) => existsSync(path) && lstatSync(path).isFile());
    const asides: { path: string; aside: string }[] = [];
    const placed: string[] = [];
    try {
      for (const path of earlier) {
        const aside = join(this.dir, `.${basename(path)}.${process.pid}.old`);
        renameSync(path, aside);
        asides.push({ path, aside });
      }
      for (const { temp, final } of this.pending) {
        renameSync(temp, final);
        placed.push(final);
      }
    } catch (e) {
      for (const final of placed) rmSync(final, { force: true });
      for (const { path, aside } of asides) renameSync(aside, path);
      throw e;
    }
    this.pending.length = 0;
    for (const { aside } of asides) rmSync(aside, { force: true });
    removeLeftBehind(this.dir, new Set([...this.replaces, ...placed.map((path) => basename(path))]));
  }

  /** Removes every temporary file, and the folders this output made if they are empty. */
  abort(): void {
    for (const fd of this.writing) closeSync(fd);
    this.writing.clear();
    for (const { temp } of this.pending) rmSync(temp, { force: true });
    this.pending.length = 0;
    for (const folder of [...this.made].reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty (a sweep's journal, say): it and the folders above stay
      }
    }
  }
}
