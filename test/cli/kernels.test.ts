/**
 * Where the engine cannot have its WebAssembly memory — a shared memory reserves the address space
 * of its 4 GiB maximum up front, which a process under a memory limit may not have — `kith run`
 * falls back to the JavaScript kernels and writes the same files (sim/wasm/arena.ts ArenaFull).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, read, ROOT, tempDir } from '../helpers/kith.ts';

const ARGS = ['run', 'scenarios/covid-lockdown.json', '--arms', 'online-shg', '--persons', '400', '--replicates', '2', '--quiet'];

describe('kith run without room for WebAssembly memory', () => {
  it('runs on the JavaScript kernels under a 6 GB address-space limit and writes the same files', () => {
    const free = tempDir();
    expect(kith([...ARGS, '--out', free]).status).toBe(0);
    const limited = tempDir();
    const command = [process.execPath, join(ROOT, 'build/cli/kith.js'), ...ARGS, '--out', limited].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `ulimit -v 6000000 && exec ${command}`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const file of ['runs.csv', 'timeseries.csv', 'summary.csv']) expect(read(limited, file) === read(free, file), file).toBe(true);
  });
});
