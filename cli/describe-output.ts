/**
 * The two JSON documents beside the CSV files: datapackage.json, a Frictionless Data descriptor
 * giving every column its type, unit and meaning (the same bytes for the same run, whatever the
 * workers), and manifest.json, which says how, when and from what the files were made.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Kith's package.json above this module (source or build), and the folder it is in. */
function kithPackage(): { version?: string; root: string } | undefined {
  for (const up of ['../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url);
    try {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kith') return { version: pkg.version, root: fileURLToPath(new URL('.', url)) };
    } catch {
      // try the next level up
    }
  }
  return undefined;
}

/** Kith's version, from its package.json. */
export function kithVersion(): string {
  return kithPackage()?.version ?? 'unknown';
}

/**
 * The git commit Kith runs from, when it runs from its own checkout. A copy of Kith inside
 * another project's repository (vendored, or installed from git into node_modules) is not at that
 * project's commit: git answers for the enclosing repository, so its top must be Kith's folder.
 */
export function gitCommit(): string | null {
  const root = kithPackage()?.root;
  if (!root) return null;
  try {
    const [top, head] = execFileSync('git', ['rev-parse', '--show-toplevel', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      .split('\n');
    return realpathSync(top) === realpathSync(root) ? head : null;
  } catch {
    return null;
  }
}

/**
 * What a manifest records of the code that made it: the commit, and whether Kith's tracked files
 * differ from it there — results of uncommitted changes cannot be made again from the commit alone.
 */
export function gitProvenance(): { git: string | null; gitModified?: boolean } {
  const git = gitCommit();
  const root = kithPackage()?.root;
  if (!git || !root) return { git };
  try {
    const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return { git, gitModified: changes.trim() !== '' };
  } catch {
    return { git };
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
