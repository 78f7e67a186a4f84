/**
 * The follow-up section of `som calc` (table output): the summary, the key figures of the
 * forecast and the re-forecast per actor, and the years covered by actuals. Same words as the
 * app and the report (shared/report/followup.ts).
 */
import type { ViewActor } from '../../shared/som/schema';
import type { FollowUpResult } from '../../shared/engine/followup';
import { ACTOR_LABELS, FIGURE_ACTORS } from '../../shared/report/texts';
import { followUpKeyRows, followUpSummary } from '../../shared/report/followup';
import { table } from './calc';
import { oneLine } from './common';

export function formatFollowUpSection(f: FollowUpResult, actor: ViewActor): string {
  const out: string[] = [];
  out.push('Opfølgning: oprindelig beregning og genberegning med faktiske tal');
  out.push(oneLine(followUpSummary(f, actor)));
  out.push('');
  const rows = FIGURE_ACTORS.flatMap((a) =>
    followUpKeyRows(f, a)
      .filter((k) => k.id === 'pvNet' || k.id === 'pvGains' || k.id === 'pvCosts')
      .map((k) => [`${ACTOR_LABELS[a]}, ${k.label.toLowerCase()}`, k.forecast, k.reforecast, k.difference]),
  );
  out.push(table(['Nutidsværdi for perioden', 'Oprindelig', 'Genberegning', 'Forskel'], rows));
  return out.join('\n');
}
