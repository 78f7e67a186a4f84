/**
 * `som compare A.som B.som … [--price-year P] [--discount R] [--period P1-P2] [--json]`, or a
 * .somp file in place of the .som files (its stored basis is used; options override it).
 * Exit codes: 0 ok, 2 bad arguments / unreadable or invalid file (one Danish line on stderr).
 */
import { isAppError } from '../../shared/errors';
import { formatNumber, formatPercent, MISSING } from '../../shared/format';
import { compare, type CompareResult, type KeyFigures } from '../../shared/engine/compare';
import { MAX_COMPARE_MEMBERS, type BasisChoice } from '../../shared/engine/compare-basis';
import { toCompareJson } from '../../shared/engine/compare-json';
import { RESULT_ACTORS } from '../../shared/engine/calc';
import { parseSom } from '../../shared/som/io';
import { parseSomp, looksLikeSomp, MAX_SOMP_BYTES, type SompDocument } from '../../shared/som/somp';
import type { SomDocument } from '../../shared/som/schema';
import { fail, oneLine, readErrorMessage, sizeRefusal, type CliRead } from './common';

export interface CompareIo extends CliRead {
  stdout(s: string): void;
}

const USAGE = 'Brug: npm run som -- compare A.som B.som … [--price-year ÅR] [--discount RENTE] [--period ÅR1-ÅR2] [--json]';

/** "0.035", "0,035" or "3,5%" → 0.035; null when it is not a number. */
export function parseRate(s: string): number | null {
  const t = s.trim().replace(',', '.');
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(t);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === '%' ? v / 100 : v;
}

function parseYear(s: string): number | null {
  return /^\d{4}$/.test(s.trim()) ? Number(s.trim()) : null;
}

type Parsed = { files: string[]; json: boolean; choice: BasisChoice } | { error: string };

export function parseCompareArgs(args: string[]): Parsed {
  const files: string[] = [];
  const choice: BasisChoice = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    if (name === '--json') json = true;
    else if (name === '--price-year') {
      const v = value();
      const y = v === undefined ? null : parseYear(v);
      if (y === null) return { error: `--price-year skal efterfølges af et årstal med fire cifre, fx --price-year 2024.` };
      choice.priceYear = y;
    } else if (name === '--discount') {
      const v = value();
      const r = v === undefined ? null : parseRate(v);
      if (r === null) return { error: `--discount skal efterfølges af en rente som brøk, fx --discount 0,035 (eller 3,5%).` };
      choice.discountRate = r;
    } else if (name === '--period') {
      const v = value();
      const m = v === undefined ? null : /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(v);
      if (!m) return { error: `--period skal efterfølges af to årstal, fx --period 2024-2029.` };
      choice.periodStart = Number(m[1]);
      choice.periodEnd = Number(m[2]);
    } else if (a.startsWith('-') && a !== '-') return { error: `ukendt valg '${a}'. ${USAGE}` };
    else files.push(a);
  }
  return { files, json, choice };
}

async function readText(io: CliRead, file: string): Promise<string | number> {
  const refused = await sizeRefusal(io, file, file, MAX_SOMP_BYTES, 'en SØM-fil');
  if (refused !== null) return refused;
  let content: string | Buffer;
  try {
    content = await io.readFile(file);
  } catch (e) {
    return fail(io, readErrorMessage(e, file));
  }
  if (typeof content === 'string') return content;
  if (content.byteLength > MAX_SOMP_BYTES) {
    return fail(io, `${file}: Filen er for stor (over ${MAX_SOMP_BYTES / (1024 * 1024)} MiB) til at være en SØM-fil.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return fail(io, `${file}: Filen er ikke gyldig UTF-8-tekst og kan ikke være en SØM-fil.`);
  }
}

export async function runCompare(argv: string[], io: CompareIo): Promise<number> {
  const args = argv[0] === 'compare' ? argv.slice(1) : argv;
  const parsed = parseCompareArgs(args);
  if ('error' in parsed) return fail(io, parsed.error);
  const { files, json } = parsed;
  if (files.length === 0) return fail(io, `angiv mindst én .som-fil eller en .somp-fil. ${USAGE}`);
  if (files.length > MAX_COMPARE_MEMBERS) return fail(io, `der kan højst sammenlignes ${MAX_COMPARE_MEMBERS} beregninger ad gangen.`);

  const docs: SomDocument[] = [];
  let portfolio: SompDocument | null = null;
  for (const file of files) {
    const text = await readText(io, file);
    if (typeof text === 'number') return text;
    const isSomp = file.toLowerCase().endsWith('.somp') || looksLikeSomp(text);
    try {
      if (isSomp) {
        if (files.length > 1) return fail(io, `${file}: en .somp-fil bruges alene, i stedet for listen af .som-filer.`);
        portfolio = parseSomp(text);
        docs.push(...portfolio.members);
      } else {
        docs.push(parseSom(text));
      }
    } catch (e) {
      if (isAppError(e)) return fail(io, `${file}: ${e.message}`);
      return fail(io, `${file} kunne ikke læses (intern fejl).`);
    }
  }
  const choice: BasisChoice = { ...(portfolio?.basis ?? {}), ...parsed.choice };
  // A new price year without a new period moves the default period with it.
  if (parsed.choice.priceYear !== undefined && parsed.choice.periodStart === undefined) {
    delete choice.periodStart;
    delete choice.periodEnd;
  }
  let result: CompareResult;
  try {
    result = compare(docs, choice);
  } catch (e) {
    if (isAppError(e)) return fail(io, e.message);
    return fail(io, 'sammenligningen kunne ikke beregnes (intern fejl).');
  }
  io.stdout(json ? JSON.stringify(toCompareJson(result), null, 2) + '\n' : formatCompareTable(result, portfolio?.name ?? null));
  return 0;
}

// ---- the readable table ----------------------------------------------------------------------

const ACTOR_HEADERS = { kommune: 'Kommune', region: 'Region', stat: 'Stat', alle: 'Alle aktører' } as const;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function short(s: string, n = 40): string {
  const t = oneLine(s);
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function keyRow(label: string, f: KeyFigures, participants: number): string[] {
  return [
    label,
    formatNumber(f.pvGains),
    formatNumber(f.pvCosts),
    formatNumber(f.pvNet),
    f.returnPerKrone === null ? MISSING : formatNumber(f.returnPerKrone, 2),
    f.breakEvenYear === null ? 'nås ikke' : String(f.breakEvenYear),
    formatNumber(participants, participants % 1 === 0 ? 0 : 1),
  ];
}

/** The Danish text output of `som compare` (whole kroner, da-DK). */
export function formatCompareTable(r: CompareResult, name: string | null): string {
  const b = r.basis;
  const out: string[] = [];
  out.push(`SØM-sammenligning${name ? `: ${oneLine(name)}` : ''} (${r.members.length} ${r.members.length === 1 ? 'beregning' : 'beregninger'})`);
  out.push(
    `Fælles grundlag: kr. i ${b.priceYear}-priser, nutidsværdi ${b.priceYear}, diskonteringsrente ${formatPercent(b.discountRate, 1)}, ` +
      `periode ${b.periodStart}–${b.periodEnd}.`,
  );
  out.push('');
  const header = ['', 'Gevinster', 'Omkostninger', 'Nettogevinst', 'Afkast pr. krone', 'Tjener sig ind', 'Deltagere'];
  for (const a of ['alle', 'kommune', 'region', 'stat'] as const) {
    out.push(`Nutidsværdi ${b.priceYear} for perioden ${b.periodStart}–${b.periodEnd}, ${ACTOR_HEADERS[a].toLowerCase()}`);
    const rows = r.members.map((m) => keyRow(`${m.index + 1}. ${short(m.name)}`, m.common[a], m.participants));
    rows.push(keyRow('Samlet (portefølje)', r.portfolio.actors[a], r.portfolio.participants));
    out.push(table(header, rows));
  }
  out.push('Porteføljens nettogevinst pr. år (fælles prisår, ikke tilbagediskonteret)');
  out.push(
    table(
      ['År', ...RESULT_ACTORS.map((a) => ACTOR_HEADERS[a])],
      r.years.map((y, i) => [String(y), ...RESULT_ACTORS.map((a) => formatNumber(r.portfolio.actors[a].net[i]))]),
    ),
  );
  const diffs = r.differences.filter((d) => d.differs);
  if (r.members.length > 1) {
    out.push(diffs.length === 0 ? 'Forskelle: ingen i de sammenlignede input.' : 'Forskelle');
    for (const d of diffs) {
      out.push(`  ${d.label}: ${d.values.map((v, i) => `${i + 1}. ${oneLine(v)}`).join(' | ')}`);
    }
    out.push('');
  }
  for (const w of r.warnings) out.push(`Advarsel: ${oneLine(w)}`);
  return out.join('\n').replace(/\n*$/, '\n');
}
