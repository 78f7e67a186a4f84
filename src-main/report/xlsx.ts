/**
 * The result tables as an Excel workbook (exceljs): numeric cells (unrounded, shown with a
 * thousands format), one sheet per table, Danish headings.
 */
import ExcelJS from 'exceljs';
import type { SomDocument } from '../../shared/som/schema';
import { calculate, prepare, type CalcResult } from '../../shared/engine/calc';
import { runScenarios, runSensitivity, scenariosOf, sensitivitySettings } from '../../shared/engine/sensitivity';
import { readAnalysis } from '../../shared/report/html';
import { ACTOR_LABELS, FIGURE_ACTORS, assumptions, overrides } from '../../shared/report/texts';

const KR = '#,##0;-#,##0';

function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: (string | number | null)[][], numFmt = KR): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 34 : 16;
    if (i > 0) c.numFmt = numFmt;
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  return ws;
}

export async function buildResultsXlsx(doc: SomDocument, result?: CalcResult): Promise<Uint8Array> {
  const r = result ?? calculate(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SØM Desktop';
  const actors = FIGURE_ACTORS;

  sheet(
    wb,
    'Nøgletal',
    ['Nøgletal (nutidsværdi ' + r.startYear + `, periode ${r.period.start}-${r.period.end})`, ...actors.map((a) => ACTOR_LABELS[a])],
    [
      ['Gevinster', ...actors.map((a) => r.actors[a].pvGains)],
      ['Omkostninger (netto)', ...actors.map((a) => r.actors[a].pvCosts)],
      ['Nettogevinst', ...actors.map((a) => r.actors[a].pvNet)],
      ['Tjener sig ind (år)', ...actors.map((a) => r.actors[a].breakEvenYear)],
      ['Afkast pr. krone', ...actors.map((a) => r.actors[a].returnPerKrone)],
      ['Går i nul ved succesrate', ...actors.map((a) => r.actors[a].breakEvenSuccessRate)],
      ['Nettogevinst pr. deltager', ...actors.map((a) => r.actors[a].netGainPerParticipant)],
      ['Maks. omkostning pr. deltager', ...actors.map((a) => r.actors[a].maxCostPerParticipant)],
    ],
  );
  const ws0 = wb.getWorksheet('Nøgletal')!;
  ws0.getRow(5).numFmt = '0';
  ws0.getRow(6).numFmt = '0.00';
  ws0.getRow(7).numFmt = '0.0%';

  const yearRows: (string | number | null)[][] = [];
  for (const a of actors) {
    const f = r.actors[a];
    yearRows.push([`${ACTOR_LABELS[a]}: gevinster`, ...f.gains]);
    yearRows.push([`${ACTOR_LABELS[a]}: omkostninger`, ...f.costs]);
    yearRows.push([`${ACTOR_LABELS[a]}: nettogevinst`, ...f.net]);
    yearRows.push([`${ACTOR_LABELS[a]}: akkumuleret nettogevinst`, ...f.cumulativeNet]);
    yearRows.push([`${ACTOR_LABELS[a]}: nettogevinst, tilbagediskonteret`, ...f.discountedNet]);
  }
  sheet(wb, 'Pr. år', ['Kr. (' + r.priceYear + '-priser)', ...r.years.map(String)], yearRows);

  const areaRows: (string | number | null)[][] = [];
  for (const ar of r.areas) for (const a of actors) areaRows.push([`${ar.area}: ${ACTOR_LABELS[a]}`, ar.pv[a], ...ar.gains[a]]);
  sheet(wb, 'Områder', ['Område og aktør', `Nutidsværdi ${r.startYear}`, ...r.years.map(String)], areaRows);

  const lineRows: (string | number | null)[][] = r.lines.map((l) => [l.label, l.area, l.unit, ...actors.map((a) => l.pv[a])]);
  const wsL = sheet(wb, 'Linjer', ['Linje', 'Område', 'Enhed', ...actors.map((a) => `${ACTOR_LABELS[a]} (nutidsværdi)`)], lineRows);
  wsL.getColumn(2).numFmt = '@';
  wsL.getColumn(3).numFmt = '@';

  const p = prepare(doc);
  const analysis = readAnalysis(doc);
  const sens = runSensitivity(p, sensitivitySettings(analysis));
  sheet(
    wb,
    'Følsomhed',
    ['Ændring', ...actors.map((a) => `${ACTOR_LABELS[a]} (nettogevinst)`)],
    [[sens.baseLabel, ...actors.map((a) => sens.base[a])], ...sens.rows.flatMap((row) => row.cases.map((c) => [c.label, ...actors.map((a) => c.pvNet[a])]))],
  );
  sheet(
    wb,
    'Scenarier',
    ['Scenarie', ...actors.map((a) => `${ACTOR_LABELS[a]} (nettogevinst)`)],
    runScenarios(p, scenariosOf(analysis)).map((s) => [s.name, ...actors.map((a) => s.pvNet[a])]),
  );

  const wsA = sheet(wb, 'Forudsætninger', ['Gruppe', 'Forudsætning', 'Værdi', 'Kilde'], assumptions(doc, r).map((x) => [x.group, x.label, x.value + (x.example ? ' (Eksempeldata)' : ''), x.source]), '@');
  wsA.getColumn(2).width = 40;
  wsA.getColumn(3).width = 30;
  wsA.getColumn(4).width = 70;
  const ov = overrides(doc, r);
  if (ov.length) sheet(wb, 'Egne værdier', ['Linje', 'Hvad', 'Egen værdi', 'I stedet for'], ov.map((o) => [o.line, o.what, o.value, o.instead]), '@');

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
