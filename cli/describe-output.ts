/**
 * The two JSON documents beside the CSV files: datapackage.json, a Frictionless Data descriptor
 * giving every column its type, unit and meaning (the same bytes for the same run, whatever the
 * workers), and manifest.json, which says how, when and from what the files were made.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Column } from '../sim/index.ts';
import type { WrittenFile } from './output.ts';

export interface TableFile {
  readonly file: WrittenFile;
  readonly columns: readonly Column[];
  readonly title: string;
}

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

export function dataPackage(scenario: string, tables: readonly TableFile[]): object {
  return {
    profile: 'tabular-data-package',
    name: `kith-${scenario.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`,
    title: `Kith results: ${scenario}`,
    resources: tables.map(({ file, columns, title }) => ({
      name: file.path.replace(/\.csv$/, ''),
      path: file.path,
      title,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      dialect: DIALECT,
      schema: {
        fields: columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.unit ? { unit: c.unit } : {}) })),
        missingValues: [''],
      },
    })),
  };
}

/** Kith's version, from the package.json above this module (source or build). */
export function kithVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kith' && pkg.version) return pkg.version;
    } catch {
      // try the next level up
    }
  }
  return 'unknown';
}

/** The git commit Kith runs from, when it runs from a checkout. */
export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: new URL('.', import.meta.url), stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
