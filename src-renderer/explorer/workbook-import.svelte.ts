/**
 * State of "Indlæs tal fra SØM-regnearket": choose a workbook or paste a table, follow the
 * import's progress (it runs in the main process's import worker), see the preview, then
 * "Brug disse tal" or "Annullér". Nothing changes before the user confirms.
 */
import { call } from '../lib/api';
import type { ImportProgress, ReleaseEntry, WorkbookImportCounts, WorkbookImportSummary } from '../../shared/knowledge/types';
import { fileToBase64 } from '../lib/download';
import { errorText } from './studies.svelte';

export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
const POLL_MS = 300;

export const COUNT_ROWS: { key: keyof WorkbookImportCounts; label: string }[] = [
  { key: 'prices', label: 'Priser' },
  { key: 'consequenceRows', label: 'Konsekvenser (rækker)' },
  { key: 'studies', label: 'Effektstudier' },
  { key: 'characteristics', label: 'Karakteristika for målgrupper (værdier)' },
  { key: 'priceIndexYears', label: 'Prisindeks (år)' },
  { key: 'discountRate', label: 'Diskonteringsrente' },
  { key: 'taxRates', label: 'Skattesatser for overførsler' },
];

/** Rows of the preview's count table: found, replaced and new per table (new = found − replaced). */
export function countRows(s: WorkbookImportSummary): { label: string; found: string; replaced: string; added: string }[] {
  return COUNT_ROWS.map(({ key, label }) => {
    const f = s.found[key];
    const r = s.replaced[key];
    if (typeof f === 'boolean') return { label, found: f ? 'Ja' : 'Nej', replaced: r ? 'Ja' : 'Nej', added: '–' };
    const n = f - (r as number);
    return { label, found: f.toLocaleString('da-DK'), replaced: (r as number).toLocaleString('da-DK'), added: n.toLocaleString('da-DK') };
  });
}

function newJobId(): string {
  const a = new Uint8Array(8);
  crypto.getRandomValues(a);
  return `imp-${[...a].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class WorkbookImport {
  running = $state(false);
  progress = $state<ImportProgress | null>(null);
  error = $state<string | null>(null);
  preview = $state<{ token: string; summary: WorkbookImportSummary } | null>(null);
  done = $state<ReleaseEntry | null>(null);
  pasted = $state('');
  private jobId: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  private startPolling(jobId: string) {
    this.stopPolling();
    this.timer = setInterval(() => {
      void call('knowledge.importProgress', { jobId }).then(
        (p) => {
          if (p && this.jobId === jobId) this.progress = p;
        },
        () => undefined,
      );
    }, POLL_MS);
  }

  private stopPolling() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async runJob(fn: (jobId: string) => Promise<{ token: string; summary: WorkbookImportSummary }>) {
    this.error = null;
    this.preview = null;
    this.done = null;
    this.running = true;
    this.progress = { fraction: 0, text: 'Starter', done: false };
    const jobId = newJobId();
    this.jobId = jobId;
    this.startPolling(jobId);
    try {
      this.preview = await fn(jobId);
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.stopPolling();
      this.running = false;
      this.progress = null;
      this.jobId = null;
    }
  }

  async chooseFile(file: File) {
    if (file.size > MAX_WORKBOOK_BYTES) {
      this.error = `Filen "${file.name}" er for stor: højst 50 MB.`;
      this.preview = null;
      return;
    }
    await this.runJob(async (jobId) => call('knowledge.importWorkbook', { jobId, fileName: file.name, base64: await fileToBase64(file) }));
  }

  async readPasted() {
    const text = this.pasted;
    if (!text.trim()) {
      this.error = 'Indsæt først en tabel kopieret fra Excel (med overskrifterne).';
      return;
    }
    await this.runJob((jobId) => call('knowledge.importPaste', { jobId, text }));
  }

  async cancelRunning() {
    if (this.jobId) await call('knowledge.importCancel', { jobId: this.jobId }).catch(() => undefined);
  }

  /** "Brug disse tal". */
  async confirm(): Promise<ReleaseEntry | null> {
    const p = this.preview;
    if (!p) return null;
    this.error = null;
    this.running = true;
    const jobId = newJobId();
    this.jobId = jobId;
    this.progress = { fraction: 0, text: 'Bygger udgivelsen', done: false };
    this.startPolling(jobId);
    try {
      const res = await call('knowledge.importConfirm', { token: p.token, jobId });
      this.preview = null;
      this.done = res.release;
      this.pasted = '';
      return res.release;
    } catch (e) {
      this.error = errorText(e);
      return null;
    } finally {
      this.stopPolling();
      this.running = false;
      this.progress = null;
      this.jobId = null;
    }
  }

  /** "Annullér": forget the preview (nothing was changed). */
  async discard() {
    const p = this.preview;
    this.preview = null;
    this.error = null;
    if (p) await call('knowledge.importDiscard', { token: p.token }).catch(() => undefined);
  }

  reset() {
    this.stopPolling();
    this.preview = null;
    this.error = null;
    this.done = null;
    this.progress = null;
  }
}
