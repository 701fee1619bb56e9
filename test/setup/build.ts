/** Compiles the command line once before the tests, so they run what `npx kith` runs. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: new URL('../..', import.meta.url), stdio: 'inherit' });
}
