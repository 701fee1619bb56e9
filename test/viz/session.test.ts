/**
 * The viewer's engine session: two arms on one clock, the engine's own numbers. A live click must
 * give what a run of the exported scenario gives, and the exported tables what `kith run` writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armParams, type Scenario } from '../../scenarios/scenario.ts';
import { capture, TIMESERIES_COLUMNS, timeseriesRows, type RunRecord } from '../../sim/index.ts';
import { csvText } from '../../viz/export/csv.ts';
import { Session } from '../../viz/engine/session.ts';
import { comparisonParams, type Comparison } from '../../viz/state/comparison.ts';
import { leverOverrides } from '../../viz/state/levers.ts';

const read = (file: string) => parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'), file);
/** A short year keeps the tests fast. */
const short = (s: Scenario, days = 120): Scenario => ({ ...s, settings: { ...s.settings, days }, crisis: s.crisis && { start: 40, end: 80 }, timeline: s.timeline.map((e) => ({ ...e, day: Math.min(e.day, days - 1) })) });

function covid(live: Comparison['live'] = []): Comparison {
  const scenario = short(read('covid-lockdown.json'));
  scenario.arms['online-shg'].timeline = [{ type: 'lockdown', day: 40 }, { type: 'platform', day: 40, open: true }, { type: 'reopening', day: 80 }];
  return { file: 'covid-lockdown.json', scenario, arms: ['no-online-shg', 'online-shg'], levers: { persons: 250 }, seed: 5, live };
}

function runToEnd(session: Session): void {
  while (!session.done) session.step(50);
}

describe('Session', () => {
  it('should give, after a live lockdown, the outcomes of the exported scenario with that event', () => {
    const live = new Session(covid());
    live.seek(20);
    live.live('lockdown');
    live.seek(30);
    live.live('reopening');
    runToEnd(live);
    const replayed = new Session(live.comparison);
    runToEnd(replayed);
    const a = live.frame(0).arms;
    const b = replayed.frame(0).arms;
    expect(live.comparison.live).toEqual([{ type: 'lockdown', day: 21 }, { type: 'reopening', day: 31 }]);
    expect(a[1].chunk).toEqual(b[1].chunk);
    expect(a[0].metrics).toEqual(b[0].metrics);
  });

  it('should open the platform of an arm that opens it with its lockdown on a live lockdown before it', () => {
    const live = new Session(covid());
    live.seek(20);
    live.live('lockdown'); // day 21; online-shg's own lockdown and platform come on day 40
    live.seek(35);
    const [without, withPlatform] = live.frame(0).arms.map((a) => a.chunk.world.groupsOnline.slice(21, 36));
    expect(Math.max(...without)).toBe(0);
    expect(Math.max(...withPlatform)).toBeGreaterThan(0);
    runToEnd(live);
    const replayed = new Session(live.comparison);
    runToEnd(replayed);
    expect(live.frame(0).arms[1].chunk).toEqual(replayed.frame(0).arms[1].chunk);
  });

  it('should rebuild when a live event moves a crisis window the timeline decides', () => {
    const base = covid();
    const scenario: Scenario = { ...base.scenario, crisis: null, timeline: [], arms: { calm: {}, groups: { shg: { initialShare: 0.1 } } }, reference: 'calm' };
    const c: Comparison = { ...base, scenario, arms: ['calm', 'groups'] };
    const live = new Session(c);
    live.seek(15);
    live.live('lockdown');
    runToEnd(live);
    const frame = live.frame(0);
    expect(frame.arms[0].crisis).toEqual({ start: 16, end: 119 });
    const exported = comparisonParams(live.comparison);
    const direct = capture(exported[1], c.seed).outcomes;
    expect(frame.arms[1].chunk.daily.wbMean).toEqual(direct.daily.wbMean);
    expect(frame.arms[1].metrics).toEqual(direct.metrics);
  });

  it('should show the same day the same way, reached forwards or by scrubbing back', () => {
    const session = new Session(covid());
    session.seek(60);
    const forwards = session.frame(0);
    session.seek(90);
    session.seek(60);
    expect(session.frame(0)).toEqual(forwards);
  });

  it('should scrub back from a checkpoint, not from day 0', () => {
    const session = new Session(covid());
    session.seek(60);
    // 250 persons: checkpoints fit every 7 days (the closest they come).
    expect(session.checkpointDays).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
    session.seek(100);
    session.seek(23);
    const back = session.frame(0);
    const fresh = new Session(covid());
    fresh.seek(23);
    expect(back).toEqual(fresh.frame(0));
    runToEnd(session);
    runToEnd(fresh);
    expect(session.frame(0)).toEqual(fresh.frame(0));
  });

  it('should drop the checkpoints a live event makes stale', () => {
    const session = new Session(covid());
    session.seek(60);
    session.seek(30);
    session.live('lockdown'); // on day 31: the checkpoints of days 35 … 56 were taken without it
    expect(session.checkpointDays).toEqual([7, 14, 21, 28]);
    session.seek(60);
    session.seek(40);
    const replayed = new Session(session.comparison);
    replayed.seek(40);
    expect(session.frame(0)).toEqual(replayed.frame(0));
  });

  it('should follow a person from day 0, however late their panel is opened', () => {
    const session = new Session(covid());
    session.seek(50);
    session.track(7);
    session.step(10);
    const late = session.frame(0).person;
    const early = new Session(covid());
    early.track(7);
    early.seek(60);
    expect(late).toEqual(early.frame(0).person);
    expect(late?.arms[0].wbTrace).toHaveLength(61);
  });

  it('should keep its checkpoints when a person is followed', () => {
    const session = new Session(covid());
    session.seek(60);
    const held = session.checkpointDays;
    expect(held.length).toBeGreaterThan(0);
    // The person's past is replayed on runs of its own: the live runs' checkpoints still hold.
    session.track(7);
    expect(session.checkpointDays).toEqual(held);
  });

  it('should export the timeseries kith run writes for the same scenario, seed and settings', () => {
    const c = covid();
    const files = new Session(c).exportFiles().files;
    const records: RunRecord[] = ['no-online-shg', 'online-shg'].map((arm) => ({
      arm,
      replicate: 0,
      seed: c.seed,
      outcomes: capture(armParams(c.scenario, arm, leverOverrides(c.levers)), c.seed).outcomes,
    }));
    expect(files.map((f) => f.name)).toEqual(['timeseries.csv', 'runs.csv', 'summary.csv', 'effects.csv', 'covid-lockdown-viewer.json']);
    expect(files[0].text).toBe(csvText(TIMESERIES_COLUMNS, timeseriesRows('covid-lockdown', records)));
  });
});
