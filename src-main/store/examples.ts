/** The example calculations shipped with the app (data/examples), copied into the store on request. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { parseSomBytes } from '../../shared/som/io';
import { SOM_EXT } from '../../shared/store/filenames';
import type { ExampleEntry, StoreEntry } from '../../shared/store/types';
import { EXAMPLE_ID_RE, readCapped } from './files';
import type { StoreCore } from './core';

export function createExamples(core: StoreCore, examplesDir: string | undefined) {
  const { saveAs, entryFor, folder } = core;

  function exampleFiles(): { id: string; file: string }[] {
    const dir = examplesDir;
    if (!dir || !existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith(SOM_EXT) && EXAMPLE_ID_RE.test(n.slice(0, -SOM_EXT.length)))
      .sort()
      .map((n) => ({ id: n.slice(0, -SOM_EXT.length), file: path.join(dir, n) }));
  }

  function examples(): ExampleEntry[] {
    const out: ExampleEntry[] = [];
    for (const { id, file } of exampleFiles()) {
      try {
        const doc = parseSomBytes(readCapped(file));
        out.push({
          id,
          name: doc.intervention.name,
          description: doc.intervention.description,
          targetGroup: doc.intervention.targetGroup.label,
          startYear: doc.intervention.startYear,
        });
      } catch {
        // A broken example is skipped (the build checks them).
      }
    }
    // In the course's order: "… (kursuscase 1)", "(kursuscase 2)", …; others after them by name.
    const caseNo = (e: ExampleEntry) => Number(/kursuscase (\d+)/i.exec(e.name)?.[1] ?? Infinity);
    return out.sort((a, b) => caseNo(a) - caseNo(b) || a.name.localeCompare(b.name, 'da'));
  }

  function createFromExample(exampleId: string): StoreEntry {
    if (!EXAMPLE_ID_RE.test(exampleId)) throw new AppError('invalid-request', 'Ugyldigt id for en eksempelberegning.');
    const ex = exampleFiles().find((e) => e.id === exampleId);
    if (!ex) throw new AppError('not-found', 'Eksempelberegningen findes ikke.');
    const doc = parseSomBytes(readCapped(ex.file));
    const saved = saveAs(doc);
    return entryFor(folder(), saved.fileName);
  }

  return { examples, createFromExample };
}
