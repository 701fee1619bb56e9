/**
 * The child process of run.ts: measures one configuration and sends the Measurement back over the
 * IPC channel. Started by `fork()` as `node --import tsx bench/worker.ts <config> [--phases]`.
 */
import { configuration } from './configurations.ts';
import { measure } from './measure.ts';

const [name, flag] = process.argv.slice(2);
const config = configuration(name ?? '');
if (!config || !process.send) {
  console.error(`bench/worker: expected to be forked by bench/run.ts with a configuration name, got ${JSON.stringify(name)}`);
  process.exit(2);
}

const measurement = await measure(config, { phases: flag === '--phases' });
process.send(measurement, () => process.disconnect());
