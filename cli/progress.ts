/**
 * Progress on stderr: a bar with ETA on a terminal (cli-progress), a plain line per tenth of the
 * work otherwise (logs and CI), nothing with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  /** The work grew (a sweep adding replicates). */
  total(total: number): void;
  stop(): void;
}

function plainLines(label: string, total: number, done: number): Progress {
  const started = Date.now();
  const before = done;
  let shown = Math.floor((10 * done) / total);
  return {
    tick() {
      done++;
      const tenth = Math.floor((10 * done) / total);
      if (tenth === shown && done < total) return;
      shown = tenth;
      const elapsed = (Date.now() - started) / 1000;
      const eta = done < total ? `, about ${Math.ceil((elapsed / (done - before)) * (total - done))} s to go` : '';
      process.stderr.write(`kith: ${label} ${done}/${total} (${Math.round((100 * done) / total)}%)${eta}\n`);
    },
    total: (n) => void (total = n),
    stop() {},
  };
}

/** Progress over `total` units of work, `done` of them done already (a resumed sweep). */
export function progress(label: string, total: number, quiet: boolean, done = 0): Progress {
  if (quiet || total === 0) return { tick() {}, total() {}, stop() {} };
  if (!process.stderr.isTTY) return plainLines(label, total, done);
  const bar = new cliProgress.SingleBar(
    { format: `kith: ${label} [{bar}] {value}/{total} · {percentage}% · ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, done);
  return { tick: () => bar.increment(), total: (n) => bar.setTotal(n), stop: () => bar.stop() };
}
