/**
 * Progress on stderr: a bar with ETA on a terminal (cli-progress), a plain line per tenth of the
 * work otherwise (logs and CI), nothing with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

function plainLines(label: string, total: number): Progress {
  const started = Date.now();
  let done = 0;
  let shown = 0;
  return {
    tick() {
      done++;
      const tenth = Math.floor((10 * done) / total);
      if (tenth === shown && done < total) return;
      shown = tenth;
      const elapsed = (Date.now() - started) / 1000;
      const eta = done < total ? `, about ${Math.ceil((elapsed / done) * (total - done))} s to go` : '';
      process.stderr.write(`kith: ${label} ${done}/${total} (${Math.round((100 * done) / total)}%)${eta}\n`);
    },
    stop() {},
  };
}

export function progress(label: string, total: number, quiet: boolean): Progress {
  if (quiet || total === 0) return { tick() {}, stop() {} };
  if (!process.stderr.isTTY) return plainLines(label, total);
  const bar = new cliProgress.SingleBar(
    { format: `kith: ${label} [{bar}] {value}/{total} · {percentage}% · ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
