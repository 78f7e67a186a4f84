/**
 * `som report FILE.som --pdf OUT.pdf [--html OUT.html]`: the printed report, headless and offline.
 * Exit codes: 0 ok, 2 bad arguments / unreadable or invalid file / PDF failure (one Danish line on stderr).
 */
import path from 'node:path';
import { isAppError } from '../../shared/errors';
import { createChromiumPdfRenderer, type PdfRenderer } from '../report/pdf';
import { reportHtml } from '../report/render';
import { atomicWriteFile } from '../store/atomic';
import { appVersion, fail, readSomArg } from './common';

export interface ReportIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(p: string): Promise<string | Buffer>;
  /** Size of a file in bytes, checked before it is read. */
  fileSize?(p: string): Promise<number>;
  /** Relative paths (input and outputs) are resolved against this folder. */
  cwd: string;
  /** For tests: a PDF renderer to use instead of starting Chromium. */
  pdf?: PdfRenderer;
  /** For tests: the generation time (ISO); defaults to now. */
  now?: string;
}

const USAGE = 'Brug: npm run som -- report FIL.som --pdf UD.pdf [--html UD.html]';

export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  const args = argv[0] === 'report' ? argv.slice(1) : argv;
  let pdfOut: string | null = null;
  let htmlOut: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--pdf' || a === '--html') {
      const v = args[i + 1];
      if (v === undefined || (v.startsWith('-') && v !== '-')) return fail(io, `${a} skal efterfølges af et filnavn. ${USAGE}`);
      if (a === '--pdf') pdfOut = v;
      else htmlOut = v;
      i++;
    } else if (a.startsWith('--pdf=')) pdfOut = a.slice(6);
    else if (a.startsWith('--html=')) htmlOut = a.slice(7);
    else if (a.startsWith('-')) return fail(io, `ukendt valg '${a}'. ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) return fail(io, files.length === 0 ? `angiv en .som-fil. ${USAGE}` : `angiv kun én .som-fil. ${USAGE}`);
  if (!pdfOut && !htmlOut) return fail(io, `angiv hvor rapporten skal gemmes med --pdf (eller --html). ${USAGE}`);
  const file = files[0];
  const abs = (p: string) => path.resolve(io.cwd, p);

  const doc = await readSomArg(io, abs(file), file);
  if (typeof doc === 'number') return doc;
  let html: string;
  try {
    html = reportHtml(doc, { fileName: path.basename(file), appName: 'SØM Desktop', appVersion: appVersion(), generatedAt: io.now });
  } catch (e) {
    if (isAppError(e)) return fail(io, `${file}: ${e.message}`);
    return fail(io, `${file}: rapporten kunne ikke laves (intern fejl).`);
  }

  try {
    if (htmlOut) {
      atomicWriteFile(abs(htmlOut), html);
      io.stdout(`Rapport (HTML) gemt: ${htmlOut}\n`);
    }
    if (pdfOut) {
      const renderer = io.pdf ?? createChromiumPdfRenderer();
      try {
        const bytes = await renderer.render(html, { fileName: path.basename(file), title: doc.intervention.name });
        atomicWriteFile(abs(pdfOut), bytes);
      } finally {
        if (!io.pdf) await renderer.close();
      }
      io.stdout(`Rapport (PDF) gemt: ${pdfOut}\n`);
    }
  } catch (e) {
    if (isAppError(e)) return fail(io, e.message);
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return fail(io, `rapporten kunne ikke gemmes (${String(code)}).`);
    return fail(io, `PDF'en kunne ikke laves: ${(e as Error).message ?? String(e)}`);
  }
  return 0;
}
