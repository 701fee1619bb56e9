// The kernels' WebAssembly twins (sim/wasm/twins.ts): each gives its JavaScript kernel's bits.
export { asks, gatherFar, givers, withheld, takers } from './informal';
export { shocks, contactMemory, needs, perception, wellbeing, distress } from './persons';
export { subgroupSums } from './record';
export { meetingsTakePart, meetingsGive, growth } from './groups';
export { expPairs, logs, writeExpConstants } from './math';
export { listMembers, listJoining, lonelyChanges, formalAsked, formalGiven, refreshTieSums, listOpenTies, cutTies } from './serial';
