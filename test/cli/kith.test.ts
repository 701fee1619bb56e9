/** The top of the command line: help, version and a mistyped command, before any command runs. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, ROOT, tempDir } from '../helpers/kith.ts';

/** Kith's build and package.json copied into `dir`, with its node_modules linked. */
function copyOfKith(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'build'), join(dir, 'build'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

describe('kith', () => {
  it('prints its help and exits 2 when given no command, and 0 when asked with --help', () => {
    const bare = kith([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toMatch(/^Usage: kith <command> \[options\]/);
    const asked = kith(['--help']);
    expect(asked.status).toBe(0);
    expect(asked.stdout).toBe(bare.stdout);
  });

  it.each([['--version'], ['-V'], ['version']])('prints the version of package.json, and the commit in a checkout, with %s', (flag) => {
    const r = kith([flag]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // The tests run in a git checkout (CI clones one).
    expect(r.stdout).toMatch(new RegExp(`^kith ${VERSION.replaceAll('.', '\\.')} \\([0-9a-f]{12}\\)\\n$`));
  });

  it('names no commit where it is a copy inside another project’s repository', () => {
    // git answers for the enclosing repository: its commit was printed, and written to every manifest, as Kith's.
    const project = tempDir();
    execFileSync('git', ['init', '-q', project]);
    execFileSync('git', ['-C', project, '-c', 'user.name=x', '-c', 'user.email=x@example.org', 'commit', '-q', '--allow-empty', '-m', 'analysis']);
    const copy = copyOfKith(join(project, 'vendor', 'kith'));
    const r = spawnSync(process.execPath, [join(copy, 'build/cli/kith.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`kith ${VERSION}\n`);
  });

  it('records in a manifest whether its files differ from the commit it names', () => {
    // Once the commit alone, as if results of uncommitted changes could be made again from it.
    const copy = copyOfKith(tempDir());
    const git = (...args: string[]) => execFileSync('git', ['-C', copy, '-c', 'user.name=x', '-c', 'user.email=x@example.org', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', 'build', 'package.json');
    git('commit', '-q', '-m', 'kith');
    const manifest = () => {
      const out = join(tempDir(), 'out');
      const r = spawnSync(process.execPath, [join(copy, 'build/cli/kith.js'), 'run', join(ROOT, 'scenarios/baseline.json'), '--persons', '50', '--replicates', '1', '--quiet', '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { git: string; gitModified: boolean };
    };
    expect(manifest()).toMatchObject({ git: git('rev-parse', 'HEAD').trim(), gitModified: false });
    writeFileSync(join(copy, 'build/cli/table.js'), `${readFileSync(join(copy, 'build/cli/table.js'), 'utf8')}\n// changed\n`);
    expect(manifest()).toMatchObject({ git: git('rev-parse', 'HEAD').trim(), gitModified: true });
  });

  it('names the command it guesses for a mistyped one, and exits 2', () => {
    const r = kith(['rnu', 'scenarios/covid-lockdown.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kith: unknown command "rnu"; did you mean "run"? (the commands are run, validate, describe, compare, sweep, merge, slurm; see kith --help)\n');
  });

  it('lists the commands without a guess when nothing is near', () => {
    const r = kith(['simulate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kith: unknown command "simulate" (the commands are run, validate, describe, compare, sweep, merge, slurm; see kith --help)\n');
  });
});
