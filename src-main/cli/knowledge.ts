/**
 * `som knowledge import FILE [--data-dir D] [--dry-run] [--json]`: reads Socialstyrelsen's SØM
 * workbook by its table headers (in the import worker, as the app does), prints what it found and,
 * without --dry-run, builds the new release in the data folder and makes it active.
 * Exit codes: 0 ok, 2 bad arguments or a refused file (one Danish line on stderr).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../shared/errors';
import type { WorkbookImportSummary } from '../../shared/knowledge/types';
import type { Deps } from '../deps';
import { buildAndActivate, previewWorkbook } from '../handlers/knowledge-import';
import { createKnowledgeDeps } from '../knowledge/service';
import { MAX_FILE_BYTES } from '../knowledge/workbook-import/zip-guard';
import { shippedKnowledgePath } from '../paths';
import { fail } from './common';

export interface KnowledgeCliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = 'Brug: npm run som -- knowledge import FIL.xlsx [--data-dir MAPPE] [--dry-run] [--json]';

/** The app's user data folder (as Electron's userData for "SØM Desktop"). */
export function defaultDataDir(): string {
  const name = 'SØM Desktop';
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

/** The JSON the command prints (docs/knowledge-import.md). */
export function importJson(s: WorkbookImportSummary): object {
  return { found: s.found, replaced: s.replaced, new: s.new, skipped: s.skipped, release: s.release, warnings: s.warnings };
}

const COUNT_LABELS: [keyof WorkbookImportSummary['found'], string][] = [
  ['prices', 'Priser'],
  ['consequenceRows', 'Konsekvensrækker'],
  ['studies', 'Effektstudier'],
  ['characteristics', 'Karakteristika'],
  ['priceIndexYears', 'Prisindeks (år)'],
  ['discountRate', 'Diskonteringsrente'],
  ['taxRates', 'Skattesatser'],
];

function text(s: WorkbookImportSummary): string {
  const v = (x: number | boolean) => (typeof x === 'boolean' ? (x ? 'ja' : 'nej') : x.toLocaleString('da-DK'));
  const lines = [`Fundet i ${s.fileName}:`];
  for (const [k, label] of COUNT_LABELS) lines.push(`  ${label}: ${v(s.found[k])} fundet, ${v(s.replaced[k])} erstattet`);
  for (const [k, label] of [['targetGroups', 'Nye målgrupper'], ['successMeasures', 'Nye succesmål'], ['dimensions', 'Nye konsekvenser']] as const) {
    if (s.new[k].length) lines.push(`  ${label}: ${s.new[k].join('; ')}`);
  }
  if (s.skipped.length) {
    lines.push(`Kunne ikke læses (${s.skippedCount}):`);
    for (const k of s.skipped) lines.push(`  ark '${k.sheet}', række ${k.row}, kolonne '${k.column}': ${k.why}`);
  }
  for (const w of s.warnings) lines.push(`Bemærk: ${w}`);
  lines.push(s.release ? `Ny udgivelse ${s.release.id} er taget i brug.` : 'Intet er ændret (--dry-run).');
  return lines.join('\n') + '\n';
}

export async function runKnowledge(argv: string[], io: KnowledgeCliIo): Promise<number> {
  const [sub, ...args] = argv;
  if (sub !== 'import') return fail(io, `ukendt kommando 'knowledge ${sub ?? ''}'. ${USAGE}`);
  let json = false;
  let dryRun = false;
  let dataDir: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a === '--data-dir') {
      const d = args[++i];
      if (!d) return fail(io, `--data-dir kræver en mappe. ${USAGE}`);
      dataDir = path.resolve(io.cwd, d);
    } else if (a.startsWith('-')) return fail(io, `ukendt valg '${a}'. ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) return fail(io, `angiv ét regneark. ${USAGE}`);
  const file = path.resolve(io.cwd, files[0]);
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return fail(io, `'${files[0]}' er ikke en fil.`);
    if (st.size > MAX_FILE_BYTES) return fail(io, `${path.basename(file)}: Filen er for stor: højst ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    bytes = fs.readFileSync(file);
  } catch {
    return fail(io, `filen '${files[0]}' findes ikke eller kan ikke læses.`);
  }
  const userDataDir = dataDir ?? defaultDataDir();
  fs.mkdirSync(userDataDir, { recursive: true });
  const kd = createKnowledgeDeps({ shippedPath: process.env.SOM_KNOWLEDGE ?? shippedKnowledgePath, userDataDir, warmQueries: false });
  const deps = { ...kd, userDataDir } as unknown as Deps;
  try {
    const preview = await previewWorkbook(deps, path.basename(file), bytes);
    let summary = preview.summary;
    if (!dryRun) {
      const release = await buildAndActivate(deps, preview.prepared);
      summary = { ...summary, release: { id: release.id, sha256: release.sha256 } };
    }
    io.stdout(json ? JSON.stringify(importJson(summary), null, 2) + '\n' : text(summary));
    return 0;
  } catch (e) {
    if (isAppError(e)) return fail(io, `${path.basename(file)}: ${e.message}`);
    return fail(io, `${path.basename(file)} kunne ikke indlæses (intern fejl).`);
  } finally {
    kd.knowledge.close();
    kd.userDb.close();
    await kd.knowledgeQueries.close();
  }
}
