/**
 * The calculation being edited in the wizard: the .som document as $state, dirty flag, field
 * errors, save / save as / autosave to the recovery area. Implements EditableCalculation for the
 * Resultater step.
 *
 * Inputs only write valid values into `doc`; a text that does not parse stays in the input with an
 * error in `errors` (keyed by field id), so `doc` is always a document the engine can calculate,
 * except for cross-field rules, which `problem` reports.
 */
import type { OtherKnowledge } from '../../shared/knowledge/types';
import { priceIndexObject } from '../../shared/knowledge/lines';
import { ACTORS, type Actor, type SomDocument, type SomLine } from '../../shared/som/schema';
import { createEmptyLine, createEmptySom } from '../../shared/som/new-document';
import type { CalcResult } from '../../shared/engine/calc';
import { applyDerivedCosts } from '../../shared/engine/costmodel';
import { CostModelSwitch } from './costmodel/cost-model-switch.svelte';
import type { LinesForResult } from '../../shared/knowledge/types';
import type { CalcOutcome, EditableCalculation } from '../lib/editable-calculation';
import type { PreviewResult } from '../../shared/engine/preview';
import { DocumentOutcome } from './document-outcome.svelte';
import type { FieldErrorDetail } from './field-context';
import { ApiError, call } from '../lib/api';
import type { FileStamp, SavedFile } from '../../shared/store/types';
import { errorMessage } from '../lib/error-message';

export { STEPS, isStepId, type StepId } from './steps';
import { STEPS, type StepId } from './steps';

export const AUTOSAVE_MS = 5000;

function newKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'w-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function resize<T>(arr: T[], n: number, fill: T): T[] {
  return arr.length >= n ? arr.slice(0, n) : [...arr, ...new Array<T>(n - arr.length).fill(fill)];
}

export interface CalculationOptions {
  id?: string | null;
  fileName?: string | null;
  recoveryKey?: string;
  dirty?: boolean;
  /** The file's stamp when it was opened (compared by the store before it overwrites the file). */
  stamp?: FileStamp | null;
  /** Danish warning when the file is close to the 5 MiB limit. */
  sizeWarning?: string | null;
  /** Autosave delay in ms; 0 disables autosave (tests). */
  autosaveMs?: number;
  appLabel?: string;
}

export class Calculation implements EditableCalculation {
  doc = $state<SomDocument>(undefined as unknown as SomDocument);
  id: string | null = $state(null);
  fileName: string | null = $state(null);
  dirty = $state(false);
  /** Danish messages of inputs whose text is not valid, by field id. */
  errors: Record<string, string> = $state({});
  /** Where each of those fields is (its name, step and the text written in it), when the input told. */
  errorInfo: Record<string, FieldErrorDetail> = $state({});
  /**
   * Danish sentence when the automatic backup is not being written (it failed, or the document
   * has a problem that must be fixed first); null while backups work.
   */
  backupProblem: string | null = $state(null);
  /** The list of fields to fix is shown (after Gem was refused, or when asked for in the header). */
  showErrorList = $state(false);
  saving = $state(false);
  /** ISO time of the last save to the store. */
  lastSaved: string | null = $state(null);
  /** ISO time of the last autosave to the recovery area. */
  lastAutosave: string | null = $state(null);
  /** The cost model switch (on, off, changes) of this calculation. */
  readonly costModel = new CostModelSwitch(this);
  /** Steps the user has been on (free navigation between them). */
  visited: StepId[] = $state(['om']);
  /** Danish message of the last failed save/autosave (shown with role="alert"). */
  saveError: string | null = $state(null);
  /** "Gemt som «x.som»." after the last save (button or menu), until the next change or save. */
  savedNotice: string | null = $state(null);
  /** The file changed on disk since it was opened or last saved: the Danish question to ask (SaveConflictDialog). */
  conflict: { message: string } | null = $state(null);
  /** Danish warning when the file is close to the 5 MiB limit (after opening or saving). */
  sizeWarning: string | null = $state(null);
  /** What the file on disk was when opened or last saved here. */
  stamp: FileStamp | null = null;
  readonly recoveryKey: string;
  private readonly autosaveMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Validity, full result and preview of the document, each derived once per change. */
  private readonly outcome = new DocumentOutcome(
    () => this.doc,
    () => this.errors,
  );
  /** First cross-field or schema problem of the document (Danish), or null when it is a valid .som document. */
  get problem(): string | null {
    return this.outcome.problem;
  }
  /** The engine's result for the document as it is now, or the Danish reason it cannot be calculated. */
  get calculated(): CalcOutcome {
    return this.outcome.calculated;
  }
  /** The full result; null while the document is not valid or a field has an error. */
  get result(): CalcResult | null {
    return this.outcome.result;
  }
  /** What the live preview shows (steps 2–5); null while the document is not valid or a field has an error. */
  get preview(): PreviewResult | null {
    return this.outcome.preview;
  }

  constructor(doc: SomDocument, opts: CalculationOptions = {}) {
    this.doc = structuredClone(doc);
    this.id = opts.id ?? null;
    this.fileName = opts.fileName ?? null;
    this.recoveryKey = opts.recoveryKey ?? newKey();
    this.dirty = opts.dirty ?? false;
    this.autosaveMs = opts.autosaveMs ?? AUTOSAVE_MS;
    this.stamp = opts.stamp ?? null;
    this.sizeWarning = opts.sizeWarning ?? null;
  }

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off reading of the clock, not state
  static createNew(startYear = new Date().getFullYear(), opts: CalculationOptions = {}): Calculation {
    const doc = createEmptySom({ startYear, name: 'Ny indsats', createdWith: opts.appLabel });
    return new Calculation(doc, { ...opts, dirty: false });
  }

  /** A new calculation takes the knowledge release's index, discount rate and tax rates (not a change by the user). */
  useKnowledgeParameters(o: OtherKnowledge): void {
    this.doc.parameters = {
      discountRate: o.discountRate.value,
      taxRates: { kommune: o.taxRates.kommune, region: o.taxRates.region, stat: o.taxRates.stat },
      priceIndex: priceIndexObject(o),
    };
  }

  // ---- EditableCalculation ---------------------------------------------------------------

  setView(view: SomDocument['view']): void {
    this.doc.view = { ...view };
    this.touch();
  }
  setAnalysis(analysis: SomDocument['analysis']): void {
    if (analysis === undefined) delete this.doc.analysis;
    else this.doc.analysis = $state.snapshot(analysis) as SomDocument['analysis'];
    this.touch();
  }
  setReportText(text: string): void {
    this.doc.report = { text };
    this.touch();
  }
  setFollowUp(followUp: SomDocument['followUp']): void {
    if (followUp === undefined) delete this.doc.followUp;
    else this.doc.followUp = $state.snapshot(followUp) as SomDocument['followUp'];
    this.touch();
  }

  // ---- editing ---------------------------------------------------------------------------

  /** Marks the document changed and (re)starts the autosave timer. */
  touch(): void {
    // With a cost model the yearly costs are always the ones its activities give.
    applyDerivedCosts(this.doc.intervention);
    this.dirty = true;
    this.savedNotice = null;
    this.scheduleAutosave();
  }

  /** Applies a change to the document. */
  update(fn: (doc: SomDocument) => void): void {
    fn(this.doc);
    this.touch();
  }

  setError(field: string, message: string | null, detail?: FieldErrorDetail): void {
    if (message === null) {
      if (field in this.errors) delete this.errors[field];
      if (field in this.errorInfo) delete this.errorInfo[field];
    } else {
      this.errors[field] = message;
      if (detail) this.errorInfo[field] = detail;
    }
  }

  /** Forgets the errors of fields that no longer exist (ids matching `test`). */
  dropErrors(test: (id: string) => boolean): void {
    for (const k of Object.keys(this.errors)) if (test(k)) this.setError(k, null);
  }

  /** The fields with errors, with their name and step where known, in the order of the steps. */
  get errorList(): { id: string; message: string; label: string | null; step: StepId | null }[] {
    const order = (s: StepId | null) => (s === null ? STEPS.length : STEPS.findIndex((x) => x.id === s));
    return Object.entries(this.errors)
      .map(([id, message]) => ({ id, message, label: this.errorInfo[id]?.label ?? null, step: this.errorInfo[id]?.step ?? null }))
      .sort((a, b) => order(a.step) - order(b.step));
  }

  visit(step: StepId): void {
    if (!this.visited.includes(step)) this.visited.push(step);
  }

  /** Antal år med indsatsen: resizes the per-year rows (new years get 0) and keeps the period valid. */
  setYears(n: number): void {
    const iv = this.doc.intervention;
    iv.yearsWithIntervention = n;
    iv.participants = resize(iv.participants, n, 0);
    for (const key of ['costs', 'savedCosts'] as const) {
      for (const a of ACTORS) iv[key][a] = resize(iv[key][a], n, 0);
    }
    // The cells of the years that are gone cannot be fixed any more.
    this.dropErrors((id) => {
      const m = /^f-(?:part|costs-\w+|savedCosts-\w+)-(\d+)$/.exec(id);
      return m !== null && Number(m[1]) >= n;
    });
    this.touch();
  }

  /** Startår: moves the result period along (same length). */
  setStartYear(y: number): void {
    const iv = this.doc.intervention;
    const len = this.doc.view.periodEnd - this.doc.view.periodStart;
    iv.startYear = y;
    this.doc.view = { ...this.doc.view, periodStart: y, periodEnd: y + Math.max(0, len) };
    this.touch();
  }

  setCost(key: 'costs' | 'savedCosts', actor: Actor, year: number, value: number): void {
    this.doc.intervention[key][actor][year] = value;
    this.touch();
  }

  /** Uses the knowledge database's lines for the chosen target group and success measure. Keeps the user's own values for lines with the same dimension. */
  applyLinesFor(r: LinesForResult): void {
    const old: Record<string, SomLine> = Object.fromEntries(
      this.doc.lines.filter((l) => l.dimensionId !== null).map((l) => [l.dimensionId as string, l]),
    );
    const custom = this.doc.lines.filter((l) => l.dimensionId === null);
    const lines: SomLine[] = r.lines.map((l) => {
      const prev = l.dimensionId !== null && Object.prototype.hasOwnProperty.call(old, l.dimensionId) ? old[l.dimensionId] : undefined;
      const line = structuredClone(l) as SomLine;
      if (prev) {
        line.own = [...prev.own];
        line.ownPrice = { ...prev.ownPrice };
        line.useEstimates = prev.useEstimates;
      }
      return line;
    });
    const ids = lines.map((l) => l.id);
    for (const c of custom) {
      let id = c.id;
      for (let i = 2; ids.includes(id); i++) id = `${c.id}-${i}`;
      ids.push(id);
      lines.push({ ...c, id });
    }
    this.doc.lines = lines;
    this.doc.parameters = structuredClone(r.parameters);
    this.doc.knowledge = r.knowledge ? { ...r.knowledge } : null;
    const tg = this.doc.intervention.targetGroup;
    tg.successMeasureId = r.targetGroup.successMeasureId;
    tg.successMeasureLabel = r.targetGroup.successMeasureLabel;
    this.touch();
  }

  /** A new user-defined line (Brugerdefinerede ydelser). */
  addCustomLine(label: string, area: string, unit: string): SomLine {
    const ids = this.doc.lines.map((l) => l.id);
    let n = 1;
    while (ids.includes(`egen-${n}`)) n++;
    const line = createEmptyLine({ id: `egen-${n}`, label, area, unit, priceYear: this.doc.intervention.startYear });
    this.doc.lines.push(line);
    this.touch();
    return line;
  }

  removeLine(id: string): void {
    this.doc.lines = this.doc.lines.filter((l) => l.id !== id);
    const slug = id.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
    this.dropErrors((k) => k.startsWith(`line:${id}:`) || k.startsWith(`f-own-${slug}-`) || k.startsWith(`f-price-${slug}-`));
    this.touch();
  }

  // ---- saving ----------------------------------------------------------------------------

  get canSave(): boolean {
    return this.problem === null && Object.keys(this.errors).length === 0;
  }

  private snapshot(): SomDocument {
    return $state.snapshot(this.doc) as SomDocument;
  }

  /** Gem: to the same file, or a new file named after the calculation the first time. */
  async save(): Promise<boolean> {
    return this.doSave(() => call('store.save', { id: this.id, doc: this.snapshot(), base: this.id ? this.stamp : null }));
  }

  /**
   * The answer to the conflict question. 'copy': my version as a new file (the other stays);
   * 'reload': the other version from disk replaces mine; 'overwrite': my version replaces theirs;
   * 'cancel': nothing happens (my changes stay unsaved).
   */
  async resolveConflict(choice: 'copy' | 'reload' | 'overwrite' | 'cancel'): Promise<boolean> {
    this.conflict = null;
    if (choice === 'cancel') return false;
    if (choice === 'copy') {
      // The copy is named "(min udgave)" in the overview too, not only in its file name.
      const name = `${this.doc.intervention.name} (min udgave)`.slice(0, 200);
      const doc = this.snapshot();
      doc.intervention.name = name;
      const ok = await this.doSave(() => call('store.saveAs', { doc, name }));
      if (ok) this.doc.intervention.name = name;
      return ok;
    }
    if (choice === 'overwrite') return this.doSave(() => call('store.save', { id: this.id, doc: this.snapshot(), overwrite: true }));
    if (this.id === null) return false;
    try {
      const opened = await call('store.open', { id: this.id });
      this.doc = structuredClone(opened.doc);
      this.errors = {};
      this.fileName = opened.fileName;
      this.stamp = opened.stamp;
      this.sizeWarning = opened.sizeWarning;
      this.lastSaved = opened.doc.savedAt;
      this.dirty = false;
      this.saveError = null;
      await this.discardRecovery();
      return true;
    } catch (e) {
      this.saveError = errorMessage(e);
      return false;
    }
  }

  /** Gem som: always a new file. */
  async saveAs(name?: string): Promise<boolean> {
    return this.doSave(() => call('store.saveAs', { doc: this.snapshot(), ...(name ? { name } : {}) }));
  }

  private async doSave(fn: () => Promise<SavedFile>): Promise<boolean> {
    if (!this.canSave) {
      // Field errors are listed (with links) by the wizard; a cross-field problem is said here.
      this.saveError = this.problem;
      this.showErrorList = Object.keys(this.errors).length > 0;
      return false;
    }
    this.saving = true;
    this.saveError = null;
    this.savedNotice = null;
    try {
      const saved = await fn();
      this.id = saved.id;
      this.fileName = saved.fileName;
      this.lastSaved = saved.savedAt;
      this.stamp = saved.stamp;
      this.sizeWarning = saved.sizeWarning;
      this.conflict = null;
      this.doc.savedAt = saved.doc.savedAt;
      this.doc.createdWith = saved.doc.createdWith;
      this.dirty = false;
      this.savedNotice = `Gemt som «${saved.fileName}».`;
      this.cancelAutosave();
      await this.discardRecovery();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && this.id !== null) this.conflict = { message: e.message };
      else this.saveError = errorMessage(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** When the last change was made (performance.now()), for the autosave delay. */
  private lastChange = 0;

  /**
   * Autosave `autosaveMs` after the last change. One timer for a run of changes: when it fires
   * early (changes came meanwhile) it waits for the rest, so a keystroke does not re-arm a timer.
   */
  scheduleAutosave(): void {
    if (this.autosaveMs <= 0) return;
    this.lastChange = performance.now();
    if (this.timer !== null) return;
    const wait = (ms: number) => {
      this.timer = setTimeout(() => {
        const left = this.lastChange + this.autosaveMs - performance.now();
        if (left > 1) wait(left);
        else void this.autosave();
      }, ms);
    };
    wait(this.autosaveMs);
  }

  cancelAutosave(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Saves unsaved work to the recovery area (only a valid document; errors are kept quiet but shown). */
  async autosave(): Promise<void> {
    this.timer = null;
    if (!this.dirty) return;
    if (this.problem !== null) {
      this.backupProblem = `Der tages ingen automatisk sikkerhedskopi, før denne fejl er rettet: ${this.problem}`;
      return;
    }
    try {
      const r = await call('store.recoverySave', { key: this.recoveryKey, doc: this.snapshot(), fileId: this.id, base: this.id ? this.stamp : null });
      this.lastAutosave = r.savedAt;
      this.backupProblem = null;
    } catch (e) {
      this.backupProblem = `Den automatiske sikkerhedskopi kunne ikke gemmes, så ændringerne er kun i vinduet, til du gemmer: ${errorMessage(e)}`;
    }
  }

  async discardRecovery(): Promise<void> {
    this.cancelAutosave();
    try {
      await call('store.recoveryDiscard', { key: this.recoveryKey });
    } catch {
      // Nothing to discard, or the store is unavailable: the entry is harmless.
    }
  }

  dispose(): void {
    this.cancelAutosave();
  }
}
