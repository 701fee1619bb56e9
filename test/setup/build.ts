/** Builds the command line once before the tests (`npm run build:cli`), so they run what `npx kith` runs. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: new URL('../..', import.meta.url), stdio: 'inherit' });
}
