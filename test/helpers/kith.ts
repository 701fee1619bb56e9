/** Runs the compiled `kith` command, as a user would, and reports what it did. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
const KITH = join(ROOT, 'build/cli/kith.js');

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function kith(args: readonly string[], cwd = ROOT): Outcome {
  const r = spawnSync(process.execPath, [KITH, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'kith-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Names, sizes and modification times of a folder's files: equal before and after means untouched. */
export function snapshot(dir: string): string {
  try {
    return readdirSync(dir)
      .sort()
      .map((f) => {
        const s = statSync(join(dir, f));
        return `${f}:${s.size}:${s.mtimeMs}`;
      })
      .join('\n');
  } catch {
    return '(none)';
  }
}

export const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
