import { AppError } from '../../shared/errors';
import type { Deps } from '../deps';
import type { HandlersFor } from './types';
import * as q from '../knowledge/queries';
import { readKnowledgeData } from '../knowledge/build';
import { XLSX_MIME, exportFile } from '../knowledge/export-file';
import { dataToTemplate } from '../knowledge/template';
import { MAX_IMPORT_BYTES } from '../knowledge/template-reader';
import { buildAndActivate, decodeUpload, importJobs } from './knowledge-import';
import type { PreparedTemplate } from '../knowledge/workbook-import/protocol';
import { linesForResult } from '../../shared/knowledge/lines';
import { consequencesTable, otherTable, pricesTable, studiesTable, targetGroupsTable, type Table } from '../../shared/knowledge/tables';
import type { LocalPrice } from '../../shared/knowledge/types';

type K =
  | 'knowledge.themes'
  | 'knowledge.targetGroups'
  | 'knowledge.characteristics'
  | 'knowledge.studies'
  | 'knowledge.studyFacets'
  | 'knowledge.study'
  | 'knowledge.successMeasures'
  | 'knowledge.dimensions'
  | 'knowledge.consequences'
  | 'knowledge.prices'
  | 'knowledge.other'
  | 'knowledge.linesFor'
  | 'knowledge.export'
  | 'knowledge.exportTemplate'
  | 'knowledge.importRelease'
  | 'knowledge.releases'
  | 'knowledge.selectRelease'
  | 'knowledge.localPrices'
  | 'knowledge.setLocalPrice'
  | 'knowledge.resetLocalPrice';


function localPrices(deps: Deps): LocalPrice[] {
  return deps.userDb ? deps.userDb.localPrices() : [];
}

function requireUserDb(deps: Deps) {
  if (!deps.userDb) throw new AppError('unavailable', 'Brugerdatabasen er ikke tilgængelig, så lokale priser kan ikke gemmes.');
  return deps.userDb;
}

function requireReleases(deps: Deps) {
  if (!deps.knowledgeReleases) throw new AppError('unavailable', 'Udgivelser af vidensdatabasen kan ikke skiftes i denne opsætning.');
  return deps.knowledgeReleases;
}

function fileStem(deps: Deps): string {
  const r = deps.knowledge.release();
  return `som-vidensdatabase-${(r?.release ?? 'ukendt').replace(/[^A-Za-z0-9._-]/g, '_')}`;
}


const SECTION_FILE: Record<string, string> = {
  targetGroups: 'maalgrupper',
  studies: 'effektstudier',
  consequences: 'konsekvenser',
  prices: 'priser',
  other: 'anden-viden',
};

export const knowledgeHandlers: HandlersFor<K> = {
  'knowledge.themes': (deps) => q.themes(deps.knowledge.db),
  'knowledge.targetGroups': (deps, a) => q.targetGroups(deps.knowledge.db, a),
  'knowledge.characteristics': (deps, a) => q.characteristicsTable(deps.knowledge.db, a),
  'knowledge.studies': (deps, a) => (deps.knowledgeQueries ? deps.knowledgeQueries.run('studies', a) : q.studies(deps.knowledge.db, a)),
  'knowledge.studyFacets': (deps, a) => (deps.knowledgeQueries ? deps.knowledgeQueries.run('studyFacets', a) : q.studyFacets(deps.knowledge.db, a)),
  'knowledge.study': (deps, a) => q.study(deps.knowledge.db, a.id),
  'knowledge.successMeasures': (deps, a) => q.successMeasures(deps.knowledge.db, a.targetGroupId),
  'knowledge.dimensions': (deps) => q.dimensions(deps.knowledge.db),
  'knowledge.consequences': (deps, a) => q.consequences(deps.knowledge.db, a.targetGroupId, a.successMeasureId),
  'knowledge.prices': (deps, a) => q.prices(deps.knowledge.db, a, q.makeLocalLookup(localPrices(deps))),
  'knowledge.other': (deps) => q.other(deps.knowledge.db),

  'knowledge.linesFor': (deps, a) => {
    const db = deps.knowledge.db;
    const c = q.consequences(db, a.targetGroupId, a.successMeasureId);
    const group = q.targetGroups(db, {}).find((g) => g.id === a.targetGroupId);
    const prices = q.prices(db, { targetGroupIds: [a.targetGroupId] }, q.makeLocalLookup(localPrices(deps)));
    const rel = deps.knowledge.release();
    return linesForResult({
      targetGroup: { id: a.targetGroupId, label: group?.label ?? a.targetGroupId, successMeasureId: a.successMeasureId, successMeasureLabel: c.successMeasureLabel },
      lines: c.lines,
      prices,
      other: q.other(db),
      release: rel ? { release: rel.release, sha256: rel.sha256 } : null,
    });
  },

  'knowledge.export': async (deps, a) => {
    const db = deps.knowledge.db;
    const f = a.filters;
    let table: Table;
    switch (a.section) {
      case 'targetGroups': {
        let groups = q.targetGroups(db, { themeIds: f.themeIds });
        if (f.targetGroupIds?.length) groups = groups.filter((g) => f.targetGroupIds?.includes(g.id));
        table = targetGroupsTable(groups, q.characteristicsTable(db, { targetGroupIds: groups.map((g) => g.id) }));
        break;
      }
      case 'studies':
        // 100 000 rows as a workbook take seconds: the query worker builds the whole file.
        if (deps.knowledgeQueries) return deps.knowledgeQueries.run('exportStudies', { filters: f, stem: `${fileStem(deps)}-${SECTION_FILE.studies}`, format: a.format });
        table = studiesTable(q.allStudies(db, f));
        break;
      case 'consequences': {
        const groups = q.targetGroups(db, { themeIds: f.themeIds }).filter((g) => !f.targetGroupIds?.length || f.targetGroupIds.includes(g.id));
        const items = groups.flatMap((g) =>
          q
            .successMeasures(db, g.id)
            .filter((m) => !f.successMeasureId || m.id === f.successMeasureId)
            .map((m) => ({ targetGroupLabel: g.label, consequences: q.consequences(db, g.id, m.id) })),
        );
        table = consequencesTable(items);
        break;
      }
      case 'prices':
        table = pricesTable(q.prices(db, { targetGroupIds: f.targetGroupIds, areas: f.areas, dimensions: f.dimensions }, q.makeLocalLookup(localPrices(deps))));
        break;
      case 'other':
        table = otherTable(q.other(db));
        break;
    }
    return exportFile(`${fileStem(deps)}-${SECTION_FILE[a.section]}`, table, a.format);
  },

  'knowledge.exportTemplate': async (deps) => {
    const data = readKnowledgeData(deps.knowledge.db);
    const buf = await dataToTemplate(data);
    return { fileName: `${fileStem(deps)}-skabelon.xlsx`, mimeType: XLSX_MIME, base64: buf.toString('base64') };
  },

  'knowledge.importRelease': async (deps, a) => {
    requireReleases(deps);
    if (!/\.xlsx$/i.test(a.fileName)) throw new AppError('invalid-file', 'Vælg et Excel-regneark (.xlsx) lavet ud fra skabelonen.');
    const buf = decodeUpload(a.base64, MAX_IMPORT_BYTES);
    if (buf.length > MAX_IMPORT_BYTES) throw new AppError('invalid-file', `Filen er for stor (højst ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    // Reading the template and building the release run in the import worker, off the event loop.
    const prepared = await importJobs(deps).run<PreparedTemplate>({ op: 'template', bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    const release = await buildAndActivate(deps, prepared);
    return {
      release,
      counts: prepared.counts,
    };
  },
  'knowledge.releases': (deps) => {
    if (!deps.knowledgeReleases) {
      const r = deps.knowledge.release();
      return r ? [{ id: r.release, date: r.date, sha256: r.sha256, description: '', kind: 'shipped', active: true, importedAt: null }] : [];
    }
    return deps.knowledgeReleases.releases();
  },
  'knowledge.selectRelease': (deps, a) => requireReleases(deps).select(a.id),

  'knowledge.localPrices': (deps) => localPrices(deps),
  'knowledge.setLocalPrice': (deps, a) => {
    const user = requireUserDb(deps);
    const db = deps.knowledge.db;
    const dim = db.prepare('SELECT derived FROM dimensions WHERE id = ?').get(a.dimensionId) as { derived: number } | undefined;
    if (!dim) throw new AppError('not-found', `Dimensionen findes ikke: ${a.dimensionId}`);
    if (dim.derived) throw new AppError('invalid-request', 'Skat af overførselsindkomster beregnes af modellen og kan ikke have en lokal pris.');
    if (a.targetGroupId && !db.prepare('SELECT 1 FROM target_groups WHERE id = ?').get(a.targetGroupId)) {
      throw new AppError('not-found', `Målgruppen findes ikke: ${a.targetGroupId}`);
    }
    return user.setLocalPrice({ dimensionId: a.dimensionId, targetGroupId: a.targetGroupId, kommune: a.kommune, region: a.region, stat: a.stat, priceYear: a.priceYear, note: a.note });
  },
  'knowledge.resetLocalPrice': (deps, a) => ({ removed: requireUserDb(deps).resetLocalPrice(a.dimensionId, a.targetGroupId) }),
};
