/**
 * The main levers the viewer offers as sliders: each a setting by its dotted path, applied after
 * the scenario and the arm exactly as `kith run --set path=value` applies it (`persons` as
 * `--persons`). Unset levers leave the scenario's own values.
 */
import { armParams, type Scenario } from '../../scenarios/scenario.ts';
import { mergeParams, settingAt, valueAtPath as valueAt, type ParamOverrides, type Params } from '../../sim/index.ts';

export interface Lever {
  /** Its key in the address. */
  readonly key: string;
  /** The setting it overrides. */
  readonly path: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** How a value is shown beside the slider. */
  readonly format: (value: number) => string;
  /** A concept explained behind the label (see teaching/concepts.ts). */
  readonly concept?: string;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The viewer's population unless the address says otherwise: enough to see, few enough to draw fast. */
export const DEFAULT_PERSONS = 2000;

export const LEVERS: readonly Lever[] = [
  { key: 'persons', path: 'persons', label: 'Persons', min: 100, max: 5000, step: 100, format: (v) => v.toLocaleString('en') },
  { key: 'cut', path: 'lockdown.faceToFaceCut', label: 'Face-to-face cut', min: 0, max: 1, step: 0.01, format: percent, concept: 'lockdown' },
  { key: 'formal', path: 'lockdown.formalCapacity', label: 'Formal capacity', min: 0, max: 1, step: 0.01, format: percent, concept: 'formal' },
  { key: 'older', path: 'population.digital.older', label: 'Older people online', min: 0, max: 1, step: 0.01, format: percent, concept: 'divide' },
  { key: 'shg', path: 'shg.initialShare', label: 'In self-help groups', min: 0, max: 0.3, step: 0.01, format: percent, concept: 'shg' },
];

export type LeverValues = Readonly<Record<string, number>>;

/** Whether `value` is one a lever's slider can take. */
export function validLeverValue(lever: Lever, value: number): boolean {
  if (!Number.isFinite(value) || value < lever.min || value > lever.max) return false;
  return lever.key !== 'persons' || Number.isInteger(value);
}

/** A value by dotted path, for showing a lever at the scenario's own value. */
export function valueAtPath(params: Params, path: string): number {
  return valueAt(params, path) as number;
}

/** The overrides the levers set; `persons` is always set (the viewer's population). */
export function leverOverrides(values: LeverValues): ParamOverrides {
  let overrides: Record<string, unknown> = { persons: values.persons ?? DEFAULT_PERSONS };
  for (const lever of LEVERS) {
    const value = values[lever.key];
    if (lever.key === 'persons' || value === undefined) continue;
    overrides = mergeParams(overrides, settingAt(lever.path, value));
  }
  return overrides as ParamOverrides;
}

/** The same settings as `kith run` flags: `--persons N` and one `--set path=value` per lever. */
export function leverFlags(values: LeverValues): string[] {
  const flags = ['--persons', String(values.persons ?? DEFAULT_PERSONS)];
  for (const lever of LEVERS) {
    const value = values[lever.key];
    if (lever.key !== 'persons' && value !== undefined) flags.push('--set', `${lever.path}=${value}`);
  }
  return flags;
}

/** A lever as the two arms shown set it, before any lever moves it. */
export interface LeverSetting {
  readonly lever: Lever;
  /** The left and the right arm's own value. */
  readonly values: readonly [number, number];
  /**
   * The arms set it differently: it is what they compare, so it is shown, not moved — one value
   * for both arms would make them the same arm and leave their descriptions untrue.
   */
  readonly compared: boolean;
}

/** Each lever's setting in the two arms shown (`persons` is the viewer's, never compared). */
export function leverSettings(scenario: Scenario, arms: readonly [string, string]): LeverSetting[] {
  const [left, right] = arms.map((arm) => armParams(scenario, arm, leverOverrides({})));
  return LEVERS.map((lever) => {
    const values = [valueAtPath(left, lever.path), valueAtPath(right, lever.path)] as const;
    return { lever, values, compared: lever.key !== 'persons' && values[0] !== values[1] };
  });
}

/** The lever values that may apply to both arms: those of compared levers are left out. */
export function sharedLeverValues(values: LeverValues, settings: readonly LeverSetting[]): Record<string, number> {
  const compared = new Set(settings.filter((s) => s.compared).map((s) => s.lever.key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => !compared.has(key)));
}
