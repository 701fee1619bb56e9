/**
 * The paired comparison that is Kith's point, at the size researchers run it: covid-lockdown,
 * 10 replicates of 5,000 persons. Online self-help groups make the fall shallower, and the 95%
 * confidence interval of the paired difference in depth excludes 0.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, tempDir } from '../helpers/kith.ts';

describe('kith run covid-lockdown --replicates 10 --persons 5000', () => {
  it('shows online-shg’s depth below no-online-shg’s, with a CI that excludes 0', () => {
    const out = tempDir();
    const r = kith(['run', 'scenarios/covid-lockdown.json', '--replicates', '10', '--persons', '5000', '--quiet', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const effects = parse(readFileSync(join(out, 'effects.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const depth = effects.find((e) => e.arm === 'online-shg' && e.subgroup === 'everyone' && e.metric === 'depth');
    expect(depth?.reference).toBe('no-online-shg');
    expect(Number(depth?.n)).toBe(10);
    expect(Number(depth?.mean_difference)).toBeLessThan(0);
    expect(Number(depth?.ci_high)).toBeLessThan(0);
  });
});
