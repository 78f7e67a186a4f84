import { z } from 'zod';
import { channel } from './define';
import type { SompDocument } from '../som/somp';
import type { OpenedPortfolio, PortfolioEntry, SavedPortfolio } from '../store/portfolio-types';
import type { CalcFile } from './calc';

const id = z.string().min(1).max(200);
/**
 * A comparison document travels as plain JSON; main validates it exactly like a .somp file it
 * reads (every .som rule on each member, the member named in the error), so zod only checks the envelope.
 */
const sompField = z.custom<SompDocument>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'sammenligningen mangler eller er ikke et objekt',
});
const fileNameField = z.string().max(255).nullable().optional();
const actorField = z.enum(['alle', 'kommune', 'region', 'stat']).default('alle');

// Saved comparisons and portfolios (.somp) in the folder of saved calculations, and their report.
export const compareChannels = {
  'compare.list': channel<PortfolioEntry[]>()(z.object({}).strict()),
  'compare.open': channel<OpenedPortfolio>()(z.object({ id }).strict()),
  /** Gem: overwrite the file of `id`; id null = a new file named after the comparison. */
  'compare.save': channel<SavedPortfolio>()(z.object({ id: id.nullable(), doc: sompField }).strict()),
  /** Åbn en .somp-fil: the text of a file the user picked; refused before anything is written when invalid. */
  'compare.importFile': channel<PortfolioEntry>()(
    z.object({ fileName: z.string().max(1000), text: z.string().max(30_000_000) }).strict(),
  ),
  'compare.exportFile': channel<{ fileName: string; text: string }>()(z.object({ id }).strict()),
  'compare.reportPdf': channel<CalcFile>()(z.object({ doc: sompField, fileName: fileNameField, actor: actorField }).strict()),
  'compare.reportHtml': channel<{ fileName: string; html: string }>()(
    z.object({ doc: sompField, fileName: fileNameField, actor: actorField }).strict(),
  ),
  'compare.reportPrint': channel<{ printed: boolean }>()(z.object({ doc: sompField, fileName: fileNameField, actor: actorField }).strict()),
  'compare.exportXlsx': channel<CalcFile>()(z.object({ doc: sompField, fileName: fileNameField }).strict()),
};
