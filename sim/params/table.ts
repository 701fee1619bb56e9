/**
 * Every parameter of the model, one line each: default, unit, range, and source
 * (MODEL.md §6; `free` marks the parameters calibration fits: their defaults are the calibrated
 * values of calibration/defaults.json, with MODEL.md's reference value in their source). Scenario
 * files and `--set` override these by dotted path, e.g. `shocks.rate.emotional`.
 */
import { choice, int, nonNegative, num, perFunction, positive, share } from './spec.ts';

const weight = (value: number, doc: string) => nonNegative(value, { unit: 'relative weight', doc });
const AGE_WEIGHTS = 'relative weight of the age band';

export const PARAM_TABLE = {
  persons: int(5_000, { min: 2, max: 10_000_000, unit: 'persons', doc: 'population size' }),
  days: int(365, { min: 1, max: 3_650, unit: 'days', doc: 'length of a run; days are numbered 0 … days−1' }),

  population: {
    householdSize: {
      one: weight(0.3, 'one-person households: 30%, as in Great Britain'),
      two: weight(0.315, 'two-person households'),
      three: weight(0.175, 'three-person households'),
      four: weight(0.14, 'four-person households'),
      five: weight(0.07, 'five-person households (mean size ≈ 2.4)'),
    },
    ageLivingAlone: {
      young: weight(0.15, `${AGE_WEIGHTS} 18–29 among people living alone`),
      adult: weight(0.4, `${AGE_WEIGHTS} 30–64 among people living alone`),
      older: weight(0.45, `${AGE_WEIGHTS} 65+ among people living alone`),
    },
    ageWithOthers: {
      young: weight(0.2, `${AGE_WEIGHTS} 18–29 in larger households`),
      adult: weight(0.6, `${AGE_WEIGHTS} 30–64 in larger households`),
      older: weight(0.2, `${AGE_WEIGHTS} 65+ in larger households`),
    },
    iAmAlpha: num(5, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'I AM (inner strength, Grotberg 1995) ~ Beta(5, 3)' }),
    iAmBeta: num(3, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'I AM ~ Beta(5, 3)' }),
    iCanAlpha: num(5, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'I CAN (skills, help-seeking) ~ Beta(5, 3)' }),
    iCanBeta: num(3, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'I CAN ~ Beta(5, 3)' }),
    materialAlpha: num(2, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'material resources ~ Beta(2, 2)' }),
    materialBeta: num(2, { min: 0.05, max: 1000, unit: 'Beta shape', doc: 'material resources ~ Beta(2, 2)' }),
    digital: {
      young: share(0.99, { unit: 'probability', doc: 'internet access, 18–29 (digital divide)' }),
      adult: share(0.95, { unit: 'probability', doc: 'internet access, 30–64' }),
      older: share(0.6, { unit: 'probability', doc: 'internet access, 65+ (ONS 2020)' }),
    },
    wbBase: num(0.55, { min: 0, max: 1, unit: 'wb', doc: 'wb0 = clamp(wbBase + wbPerIAm·iAm + N(0, wbSd))' }),
    wbPerIAm: nonNegative(0.25, { unit: 'wb per unit I AM', doc: 'inner strength raises the set-point' }),
    wbSd: nonNegative(0.08, { unit: 'wb', doc: 'spread of the wellbeing set-point' }),
  },

  network: {
    kinPerPerson: nonNegative(1.5, { unit: 'ties (Poisson mean)', doc: 'kin ties each person draws in other households (mean degree ≈ 3)' }),
    friendsAhead: {
      young: int(4, { min: 0, max: 50, unit: 'persons', doc: 'friends among the next persons round the ring, 18–29' }),
      adult: int(3, { min: 0, max: 50, unit: 'persons', doc: 'friends among the next persons round the ring, 30–64' }),
      older: int(2, { min: 0, max: 50, unit: 'persons', doc: 'friends among the next persons round the ring, 65+' }),
    },
    friendRewire: share(0.1, { unit: 'probability', doc: 'small-world rewiring of a friend tie (Watts & Strogatz 1998)' }),
    neighbours: int(2, { min: 0, max: 10, unit: 'persons', doc: 'neighbours drawn from the next household on the ring' }),
    employment: share(0.7, { unit: 'probability', doc: 'employment of young and adult persons' }),
    workplaceSize: int(12, { min: 2, max: 10_000, unit: 'persons', doc: 'workers per workplace' }),
    colleagues: int(4, { min: 0, max: 100, unit: 'ties', doc: 'colleagues each worker is tied to' }),
    serviceSize: int(500, { min: 1, max: 10_000_000, unit: 'persons', doc: 'clients of one formal service, along the ring' }),
    household: {
      rate: nonNegative(1, { unit: 'contacts per day', doc: 'household contact: daily, never cut' }),
    },
    kin: {
      strengthMin: share(0.6, { unit: 'w', doc: 'kin tie strength ~ U(.6, 1)' }),
      strengthMax: share(1, { unit: 'w', doc: 'kin tie strength ~ U(.6, 1)' }),
      rate: nonNegative(0.3, { unit: 'contacts per day', doc: 'kin contact rate' }),
    },
    friend: {
      strengthMin: share(0.3, { unit: 'w', doc: 'friend tie strength ~ U(.3, .9)' }),
      strengthMax: share(0.9, { unit: 'w', doc: 'friend tie strength ~ U(.3, .9)' }),
      rate: nonNegative(0.2, { unit: 'contacts per day', doc: 'friend contact rate' }),
    },
    neighbour: {
      strengthMin: share(0.1, { unit: 'w', doc: 'neighbour tie strength ~ U(.1, .5)' }),
      strengthMax: share(0.5, { unit: 'w', doc: 'neighbour tie strength ~ U(.1, .5)' }),
      rate: nonNegative(0.15, { unit: 'contacts per day', doc: 'neighbour contact rate' }),
    },
    coworker: {
      strengthMin: share(0.2, { unit: 'w', doc: 'coworker tie strength ~ U(.2, .6)' }),
      strengthMax: share(0.6, { unit: 'w', doc: 'coworker tie strength ~ U(.2, .6)' }),
      rate: nonNegative(0.5, { unit: 'contacts per day', doc: 'coworker contact rate' }),
    },
  },

  shocks: {
    rate: perFunction([0.03, 0.024, 0.016], (v) =>
      nonNegative(v, { unit: 'events per person-day', doc: 'daily hassles and life events, by function' }),
    ),
    mean: positive(0.5, { unit: 'need units', doc: 'mean of the exponential need an event adds' }),
    onsetEmotional: num(2.5, { min: 1, unit: '×', doc: 'crisis multiplier M of emotional events at onset' }),
    onsetInformational: num(2, { min: 1, unit: '×', doc: 'crisis multiplier M of informational events at onset' }),
    onsetInstrumentalPoverty: nonNegative(3, { unit: '×', doc: 'instrumental M = 1 + this·(1 − material)' }),
    adapt: positive(21, { unit: 'days (half-life)', doc: 'people adapt to a lockdown (Fancourt et al. 2021)' }),
    reopenDays: nonNegative(60, { unit: 'days', doc: 'crisis multipliers fall linearly to 1 after reopening' }),
    isolation: nonNegative(0.09664, { unit: 'need units per lost contact-day', free: true, doc: 'λ_iso: emotional need from contact lost against the usual; calibrated (MODEL.md: 0.05)' }),
  },

  support: {
    sigma: num(0.3127, { min: 0, max: 1, minExclusive: true, unit: 'per day', free: true, doc: 'σ: share of a need one open daily tie addresses; calibrated (MODEL.md: 0.10)' }),
    capBase: positive(0.6531, { unit: 'need units/day/function', free: true, doc: 'a giver’s capacity at full wellbeing; calibrated (MODEL.md: 0.25)' }),
    strain: nonNegative(0.05, { unit: 'wb', doc: 'β_strain: caregiver strain of a fully loaded giver' }),
    effRemote: perFunction([0.65, 0.9, 0.25], (v) =>
      share(v, { unit: '×', doc: 'what a remote tie or meeting delivers of each function' }),
    ),
  },

  lockdown: {
    faceToFaceCut: share(0.74, { unit: 'share of ties', doc: 'contacts 10.8 → 2.8 a day (Jarvis et al. 2020)' }),
    remoteShift: share(0.6, { unit: 'share of cut ties', doc: 'cut ties that go remote where the layer allows' }),
    formalCapacity: share(0.5, { unit: '×', doc: 'formalMul in lockdown: services disrupted in 93% of countries (WHO 2020)' }),
  },

  formal: {
    threshold: nonNegative(0.8, { unit: 'need units', doc: 'θ_formal: residual total need at which a client asks' }),
    perClient: nonNegative(0.02, { unit: 'need units/client/day', doc: 'service capacity per client, per function' }),
    capacity: share(1, { unit: '×', doc: 'formalMul outside a lockdown' }),
    efficacy: perFunction([0.6, 1, 1], (v) => share(v, { unit: '×', doc: 'formalEff: what a service delivers of each function' })),
    teleEff: share(0.8, { unit: '×', doc: 'a service working remotely' }),
    offer: nonNegative(0.2, { unit: 'contact-equivalents', doc: 'the support a client perceives a working service offers (Kith’s reading of §4.8)' }),
  },

  shg: {
    initialShare: share(0.05, { unit: 'share of persons', doc: 'members on day 0' }),
    sizeMin: int(5, { min: 2, max: 100, unit: 'members', doc: 'group size at formation (Selvhjelp Norge)' }),
    sizeMax: int(8, { min: 2, max: 100, unit: 'members', doc: 'over 8 leaves too little time each' }),
    hybridShare: share(0.1, { unit: 'share of groups', doc: 'day-0 groups that are hybrid (the rest face-to-face)' }),
    governance: choice('autonomous', ['autonomous', 'professional'], { unit: '—', doc: 'who leads day-0 groups (Hedlund et al. 2019)' }),
    kind: choice('peer', ['peer', 'savings'], { unit: '—', doc: 'peer support or savings groups (Anderson et al. 2014)' }),
    meetRate: num(1 / 7, { min: 0, max: 1, minExclusive: true, unit: 'per day', doc: 'weekly meetings' }),
    emotional: nonNegative(3.02, { unit: '×', free: true, doc: 'shgEmo: share of emotional need a meeting addresses; calibrated (MODEL.md: 0.6)' }),
    informational: nonNegative(1.539, { unit: '×', free: true, doc: 'shgInfo: experiential information flow (Borkman 2008); calibrated (MODEL.md: 0.8)' }),
    belong: nonNegative(2.8, { unit: 'contact-equivalents', free: true, doc: 'belonging of a full group (Lee & Robbins 1998); calibrated (MODEL.md: 0.25)' }),
    savingsRate: nonNegative(0.01, { unit: '× material per day', doc: 'what savings-group members pay into the pool' }),
    joinStress: share(0.1036, { unit: 'stress', free: true, doc: 'θ_join: stress above which people look for a group; calibrated (MODEL.md: 0.35)' }),
    pJoin: share(0.035, { unit: 'per day', free: true, doc: 'UK mutual-aid groups: 249 → 3,477 in six weeks of 2020; calibrated (MODEL.md: 0.02)' }),
    pForm: share(0.004405, { unit: 'per day', free: true, doc: 'starting an online group, × I CAN; calibrated (MODEL.md: 0.004)' }),
    maxOnline: int(15, { min: 4, max: 1_000, unit: 'members', doc: 'online groups grow to 15 (Cabiati 2021)' }),
    minActive: int(4, { min: 1, max: 100, unit: 'members', doc: 'a group under 4 is unstable (Selvhjelp Norge)' }),
    dissolveDays: int(28, { min: 1, max: 3_650, unit: 'days', doc: 'days under minActive before a group dissolves' }),
    leaveStress: share(0.05, { unit: 'stress', doc: 'members this calm for leaveDays may leave' }),
    leaveDays: int(60, { min: 1, max: 3_650, unit: 'days', doc: 'days of calm before a member may leave' }),
    pLeave: share(0.01, { unit: 'per day', doc: 'leaving once calm' }),
    mentorExp: share(0.5, { unit: 'exp', doc: 'members with more experience stay as mentors' }),
    professionalInformational: nonNegative(1.3, { unit: '×', doc: 'professional leadership: more information (Hedlund et al. 2019)' }),
    professionalBelonging: nonNegative(0.7, { unit: '×', doc: 'professional leadership: less belonging' }),
    professionalCapacityBuilding: nonNegative(0.5, { unit: '×', doc: 'professional leadership: slower growth of I CAN' }),
  },

  growth: {
    experience: nonNegative(0.05, { unit: 'per need unit', doc: 'η_exp: experiential knowledge from support received in the group' }),
    capacityBuilding: nonNegative(0.002, { unit: 'per day', doc: 'η_can: I CAN grows in a group' }),
  },

  needs: {
    decay: share(0.01, { unit: 'per day', doc: 'δ: needs resolve on their own, faster with more I AM' }),
  },

  perception: {
    s0: positive(0.6348, { unit: 'potential', free: true, doc: 'support potential at which perceived support is 63%; calibrated (MODEL.md: 1.0)' }),
    c0: positive(2.747, { unit: 'contact', free: true, doc: 'contact at which the connectedness target is 63%; calibrated (MODEL.md: 1.5)' }),
    kappa: nonNegative(0.14, { unit: 'conn', free: true, doc: 'κ: loneliness spreads through friends (Cacioppo et al. 2009); calibrated (MODEL.md: 0.25)' }),
    kappaKin: nonNegative(0.13, { unit: 'conn', free: true, doc: 'κ_kin ≤ κ: less through family; calibrated (MODEL.md: 0.08)' }),
    smoothing: num(14, { min: 1, unit: 'days', doc: 'time constant of perceived support and connectedness (a day at least: the daily update must not overshoot)' }),
    contactMemory: num(30, { min: 1, unit: 'days', doc: 'time constant of the contact one is used to (a day at least)' }),
  },

  wellbeing: {
    betaC: nonNegative(0.16, { unit: 'wb', free: true, doc: 'β_c: main effect of connectedness (Cohen 2004); calibrated (MODEL.md: 0.35)' }),
    betaS: nonNegative(0.598, { unit: 'wb', free: true, doc: 'β_s: effect of stress; calibrated (MODEL.md: 0.45)' }),
    gamma: share(0.4772, { unit: '—', free: true, doc: 'γ: buffering of stress by perceived support; calibrated (MODEL.md: 0.7)' }),
    rho: positive(0.1238, { unit: 'per day', free: true, doc: 'ρ: recovery speed, × (0.5 + resilience) (Grotberg 1995); calibrated (MODEL.md: 0.06)' }),
  },

  thresholds: {
    lonely: share(0.451, { unit: 'conn', free: true, doc: 'θ_lonely: lonely below this connectedness; calibrated (MODEL.md: 0.68)' }),
    distress: share(0.664, { unit: 'wb', free: true, doc: 'θ_distress: distressed below this wellbeing; calibrated (MODEL.md: 0.76)' }),
  },
} as const;
