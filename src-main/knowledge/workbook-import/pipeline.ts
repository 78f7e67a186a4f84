/**
 * The whole import of a workbook or a pasted table: read (with limits) → recognise → apply to the
 * active release's data → validate. Runs inside the import worker; pure apart from the CPU.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { checkKnowledgeData } from '../../../shared/knowledge/schema';
import type { KnowledgeData } from '../../../shared/knowledge/types';
import { KnowledgeDataError, validateKnowledgeData } from '../build';
import { applyRecognised, nothingFound, type ApplyResult } from './apply';
import { norm } from './cells';
import { readWorkbookSheets, type ReadControl } from './read';
import { emptyRecognised, recogniseSheet, type Recognised } from './recognise';
import { parseTsv, TSV_SHEET } from './tsv';
import { refuseByName } from './zip-guard';

export const NOTHING_FOUND = 'Der blev ikke fundet nogen af vidensdatabasens tabeller (fx Priser, Konsekvenser eller Effektstudier med deres kolonneoverskrifter).';

function validate(result: ApplyResult): ApplyResult {
  try {
    const data = validateKnowledgeData(result.data);
    const problems = checkKnowledgeData(data);
    if (problems.length) throw new AppError('invalid-file', `Tallene kunne ikke bruges:\n${problems.slice(0, 5).join('\n')}`);
    return { data, summary: result.summary };
  } catch (e) {
    if (e instanceof KnowledgeDataError) throw new AppError('invalid-file', `Tallene kunne ikke bruges:\n${e.problems.slice(0, 5).join('\n')}`);
    throw e;
  }
}

function characteristicLabels(base: KnowledgeData): string[] {
  return [...new Set(base.characteristics.map((c) => norm(c.label)))];
}

export async function importWorkbook(buf: Buffer, fileName: string, base: KnowledgeData, ctl: ReadControl, date: string): Promise<ApplyResult> {
  refuseByName(fileName);
  const rec: Recognised = emptyRecognised();
  const labels = characteristicLabels(base);
  await readWorkbookSheets(buf, ctl, (g) => recogniseSheet(g, rec, { characteristicLabels: labels }));
  ctl.progress(0.85, 'Sammenholder med vidensdatabasen');
  const result = applyRecognised(base, rec, { fileName: baseName(fileName), date, fileHash: createHash('sha256').update(buf).digest('hex') });
  if (nothingFound(result.summary)) throw new AppError('invalid-file', NOTHING_FOUND);
  ctl.progress(0.92, 'Kontrollerer tallene');
  return validate(result);
}

/** A table pasted from Excel (tab-separated text), recognised the same way. */
export function importPastedTable(text: string, base: KnowledgeData, date: string): ApplyResult {
  const rec = emptyRecognised();
  recogniseSheet(parseTsv(text), rec, { characteristicLabels: characteristicLabels(base) });
  const result = applyRecognised(base, rec, { fileName: 'Tabel indsat fra Excel', date, fileHash: createHash('sha256').update(text).digest('hex') });
  if (nothingFound(result.summary)) throw new AppError('invalid-file', NOTHING_FOUND);
  return validate(result);
}

export { TSV_SHEET };

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() || p;
}
