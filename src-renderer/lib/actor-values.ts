import type { ViewActor } from '../../shared/som/schema';
import { FIGURE_ACTORS } from '../../shared/report/texts';

/** One value per actor (Kommune, Region, Stat, Alle aktører). */
export function actorValues(of: (a: ViewActor) => number): Record<ViewActor, number> {
  return Object.fromEntries(FIGURE_ACTORS.map((a) => [a, of(a)])) as Record<ViewActor, number>;
}
