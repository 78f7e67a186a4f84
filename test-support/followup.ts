/**
 * A year of `followUp` for tests: every field empty unless the patch gives it.
 */
import { emptyFollowUpYear } from '../shared/som/followup';
import type { FollowUpYear } from '../shared/som/schema';

export function followUpEntry(year: number, patch: Partial<FollowUpYear> = {}): FollowUpYear {
  return { ...emptyFollowUpYear(year), ...patch };
}
