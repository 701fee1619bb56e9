/**
 * Before day 0: contact, perceived support, connectedness and wellbeing start at the targets their
 * equations give for the day-0 network with no need, rather than at fixed values. MODEL.md §3
 * starts everyone at conn = 0.6 and perceived = 0.5; with θ_lonely above 0.6 that would make the
 * whole population lonely on day 0, and spreading loneliness then holds it in a lonely trap for
 * months of warm-up (see docs/ODD.md, "Initialisation").
 */
import type { World } from '../world.ts';
import { refreshTieSums } from './contact.ts';
import { informal } from './informal.ts';
import { countLonelyTies } from './loneliness.ts';
import { perception } from './perception.ts';
import { wellbeing } from './wellbeing.ts';

export function settle(world: World): void {
  const n = world.n;
  const p = world.persons;
  refreshTieSums(world);
  p.contactRef.set(p.contact);
  // With no need nobody asks, so phase 4 changes no state; its walk notes what ties could give.
  informal(world);
  perception(world, 1);
  wellbeing(world, true);
  const { lonely, distress } = world.params.thresholds;
  for (let i = 0; i < n; i++) {
    p.lonely[i] = p.conn[i] < lonely ? 1 : 0;
    p.distressed[i] = p.wb[i] < distress ? 1 : 0;
  }
  countLonelyTies(world);
}
