/** XLSX export of knowledge tables (exceljs, numeric cells, frozen header, filter). */
import ExcelJS from 'exceljs';
import type { Table } from '../../shared/knowledge/tables';

function addTable(wb: ExcelJS.Workbook, t: Table): void {
  const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.columns.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  t.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.min(60, Math.max(10, c.header.length + 2, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 1)));
    if (c.kind === 'integer') column.numFmt = '#,##0';
    else if (c.kind === 'year') column.numFmt = '0';
    else if (c.kind === 'number') column.numFmt = '#,##0.0##';
  });
  if (t.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
}

export async function tablesToXlsx(tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SØM Desktop';
  // Fixed dates so the same data gives the same workbook content.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const t of tables) addTable(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
