/**
 * `som calc FILE.som [--json]`: calculate a saved calculation and print the results.
 * Exit codes: 0 ok, 2 bad arguments / unreadable or invalid file (one Danish line on stderr).
 */
import { isAppError } from '../../shared/errors';
import { formatNumber, formatPercent, MISSING } from '../../shared/format';
import { fail, oneLine, readSomArg } from './common';
import { calculateFollowUp, followUpJson } from '../../shared/engine/followup';
import { formatFollowUpSection } from './followup';
import { costModelTableLines } from './costmodel-table';
import { pricesLabel } from '../../shared/report/texts';
import type { SomDocument } from '../../shared/som/schema';
import { calculate, toResultsJson, RESULT_ACTORS, type CalcResult, type ActorFigures } from '../../shared/engine/calc';

export interface CalcIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Reads a file; relative paths are resolved by the caller (som.ts resolves against INIT_CWD). */
  readFile(path: string): Promise<string | Buffer>;
  /** Size of a file in bytes, checked before it is read. */
  fileSize?(p: string): Promise<number>;
}

const USAGE = 'Brug: npm run som -- calc FIL.som [--json]';

export async function runCalc(argv: string[], io: CalcIo): Promise<number> {
  const args = argv[0] === 'calc' ? argv.slice(1) : argv;
  let json = false;
  const files: string[] = [];
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a.startsWith('-') && a !== '-') return fail(io, `ukendt valg '${a}'. ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) return fail(io, files.length === 0 ? `angiv en .som-fil. ${USAGE}` : `angiv kun én .som-fil. ${USAGE}`);
  const file = files[0];

  const doc = await readSomArg(io, file, file);
  if (typeof doc === 'number') return doc;
  let result: CalcResult;
  try {
    result = calculate(doc);
  } catch (e) {
    if (isAppError(e)) return fail(io, `${file}: ${e.message}`);
    return fail(io, `${file} kunne ikke beregnes (intern fejl).`);
  }

  if (json) {
    const followUp = calculateFollowUp(doc, result);
    const json = { ...toResultsJson(result), ...(followUp ? { followUp: followUpJson(followUp) } : {}) };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.stdout(formatCalcTable(doc, result));
  }
  return 0;
}

// ---- the readable table ----------------------------------------------------------------------

const ACTOR_HEADERS: Record<(typeof RESULT_ACTORS)[number], string> = {
  kommune: 'Kommune',
  region: 'Region',
  stat: 'Stat',
  alle: 'Alle aktører',
};

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), sep, ...rows.map(line)].join('\n') + '\n';
}

function breakEvenRateText(f: ActorFigures): string {
  const r = f.breakEvenSuccessRate;
  if (r === null) return 'kan ikke nås';
  const s = formatPercent(r, 1);
  return r > 1 ? `${s} (over 100 %)` : s;
}

/** The Danish text output of `som calc` (whole kroner, da-DK). */
export function formatCalcTable(doc: SomDocument, r: CalcResult): string {
  const iv = doc.intervention;
  const out: string[] = [];
  out.push(`SØM-beregning: ${oneLine(iv.name)}`);
  out.push(
    `Beløb i kr., ${pricesLabel(r)}. Periode ${r.period.start}–${r.period.end}, nutidsværdi ${r.startYear}, ` +
      `diskonteringsrente ${formatPercent(r.discountRate, 1)}. Succesrate ${formatPercent(r.successRate, 1)}, ` +
      `${formatNumber(r.totalParticipants, r.totalParticipants % 1 === 0 ? 0 : 1)} deltagere.`,
  );
  out.push('');
  out.push('Nettogevinst pr. år (gevinster minus omkostninger, ikke tilbagediskonteret)');
  const yearRows = r.years.map((y, i) => [
    String(y),
    ...RESULT_ACTORS.map((a) => formatNumber(r.actors[a].net[i])),
  ]);
  out.push(table(['År', ...RESULT_ACTORS.map((a) => ACTOR_HEADERS[a])], yearRows));
  out.push(`Nutidsværdi ${r.startYear} for perioden ${r.period.start}–${r.period.end}`);
  const fig = (label: string, f: (x: ActorFigures) => string) => [label, ...RESULT_ACTORS.map((a) => f(r.actors[a]))];
  const rows = [
    fig('Gevinster', (x) => formatNumber(x.pvGains)),
    fig('Omkostninger (netto)', (x) => formatNumber(x.pvCosts)),
    fig('Nettogevinst', (x) => formatNumber(x.pvNet)),
    fig('Tjener sig ind (år, nutidsværdi)', (x) => (x.breakEvenYear === null ? 'nås ikke' : String(x.breakEvenYear))),
    fig('Afkast pr. krone', (x) => (x.returnPerKrone === null ? MISSING : formatNumber(x.returnPerKrone, 2))),
    fig('Går i nul ved succesrate', breakEvenRateText),
    fig('Nettogevinst pr. deltager', (x) => formatNumber(x.netGainPerParticipant)),
    fig('Maks. omkostning pr. deltager', (x) => formatNumber(x.maxCostPerParticipant)),
  ];
  out.push(table(['', ...RESULT_ACTORS.map((a) => ACTOR_HEADERS[a])], rows));
  out.push(...costModelTableLines(r, table));
  const followUp = calculateFollowUp(doc, r);
  if (followUp) out.push(formatFollowUpSection(followUp, doc.view.actor));
  for (const w of r.warnings) out.push(`Advarsel: ${oneLine(w)}`);
  return out.join('\n').replace(/\n*$/, '\n');
}
