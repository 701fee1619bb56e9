/**
 * The layers of a person's environment (MODEL.md §2). Person-to-person layers are compiled into
 * ties; `formal` and `shg` are memberships (of a service, of a group).
 */
export const TIE_LAYERS = ['household', 'kin', 'friend', 'neighbour', 'coworker'] as const;
export type TieLayer = (typeof TIE_LAYERS)[number];

export const LAYERS = [...TIE_LAYERS, 'formal', 'shg'] as const;
export type Layer = (typeof LAYERS)[number];

/** Index of each layer in every per-layer array. */
export const LAYER = {
  household: 0,
  kin: 1,
  friend: 2,
  neighbour: 3,
  coworker: 4,
  formal: 5,
  shg: 6,
} as const satisfies Record<Layer, number>;

/** Layers a lockdown can cut (household ties are never cut). */
export const CUTTABLE_LAYERS = ['kin', 'friend', 'neighbour', 'coworker', 'formal', 'shg'] as const;
export type CuttableLayer = (typeof CUTTABLE_LAYERS)[number];

/** The channel a tie uses today. */
export const CHANNEL = {
  closed: 0,
  faceToFace: 1,
  remote: 2,
} as const;
