/**
 * The output folder (cli/output.ts): files appear under their names only when committed, a CSV
 * written part by part says what it holds, and parts that come in any order are written in order.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InOrder, OutputDir } from '../../cli/output.ts';
import type { Column } from '../../sim/index.ts';
import { tempDir } from '../helpers/kith.ts';

const COLUMNS: Column[] = [
  { name: 'run', type: 'string', description: 'which run' },
  { name: 'value', type: 'number', description: 'a value' },
];

describe('InOrder', () => {
  it('hands items on by their numbers, each once all before it are in, whatever order they come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8 }), (arrival) => {
        const out: string[] = [];
        const inOrder = new InOrder<string>((item) => out.push(item));
        for (const k of arrival) {
          inOrder.put(k, `part ${k}`);
          // Handed on: exactly the first parts that have all come.
          let ready = 0;
          while (arrival.slice(0, arrival.indexOf(k) + 1).includes(ready)) ready++;
          expect(out).toEqual(Array.from({ length: ready }, (_, i) => `part ${i}`));
        }
      }),
    );
  });
});

describe('OutputDir.startCsv', () => {
  it('writes the header and each part, and names the file only at commit', () => {
    const dir = tempDir();
    const output = new OutputDir(dir);
    const csv = output.startCsv('series.csv', COLUMNS);
    csv.write({ text: 'a,1\r\nb,2\r\n', rows: 2 });
    csv.write({ text: Buffer.from('c,3\r\n'), rows: 1 });
    const file = csv.close();
    const expected = 'run,value\r\na,1\r\nb,2\r\nc,3\r\n';
    expect(file).toEqual({ path: 'series.csv', rows: 3, bytes: expected.length, sha256: createHash('sha256').update(expected).digest('hex') });
    expect(existsSync(join(dir, 'series.csv'))).toBe(false);
    output.commit();
    expect(readFileSync(join(dir, 'series.csv'), 'utf8')).toBe(expected);
    expect(readdirSync(dir)).toEqual(['series.csv']);
  });

  it('leaves nothing behind when aborted before the file is closed', () => {
    const dir = tempDir();
    const output = new OutputDir(dir);
    output.startCsv('series.csv', COLUMNS).write({ text: 'a,1\r\n', rows: 1 });
    output.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('OutputDir.commit', () => {
  it('removes the temporary files a killed command left, and keeps those of a command still running', () => {
    // A kill -9 leaves its partial files under hidden names; nothing removed them before.
    const dir = tempDir();
    const gone = 2 ** 22 + 1; // above Linux's largest process id: no such process
    const left = [`.timeseries.csv.${gone}.tmp`, `.runs.csv.${gone}.old`];
    const running = `.timeseries.csv.${process.pid}.tmp`;
    const theirs = `.notes.txt.${gone}.tmp`;
    for (const file of [...left, running, theirs]) writeFileSync(join(dir, file), 'partial');
    const output = new OutputDir(dir);
    output.writeText('manifest.json', '{}\n');
    output.commit();
    expect(readdirSync(dir).sort()).toEqual([theirs, running, 'manifest.json'].sort());
  });
});
