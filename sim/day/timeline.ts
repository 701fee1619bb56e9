/** Phase 1 — timeline: apply this day's events, in timeline order. */
import { applyEvent } from '../timeline/events.ts';
import { updateFormalLevel } from '../timeline/environment.ts';
import type { World } from '../world.ts';

export function timeline(world: World): void {
  for (const event of world.timeline) if (event.day === world.today) applyEvent(world, event);
  updateFormalLevel(world.env, world.today, world.params.formal.capacity);
}
