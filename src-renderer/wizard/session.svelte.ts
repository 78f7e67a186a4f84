/**
 * The wizard session: the one calculation being edited (kept while the user visits other pages, so
 * in-app navigation never loses work), opening/creating calculations with a Danish "unsaved
 * changes" question, the knowledge comparison of an opened file, and the Electron menu events.
 */
import { call } from '../lib/api';
import { router } from '../lib/router.svelte';
import { appInfo } from '../lib/app-info.svelte';
import type { OpenedFile } from '../../shared/store/types';
import type { LinesForResult, StudyDetail } from '../../shared/knowledge/types';
import type { KnowledgeDiff } from '../../shared/store/knowledge-diff';
import { isCourseExample } from '../../shared/som/course-example';
import type { Calculation } from './calculation.svelte';
import type { StepId } from './steps';
import { parseWizardRoute, type WizardRoute } from './route';
import { errorMessage } from '../lib/error-message';

// The calculation and the knowledge comparison (schemas, engine) load with the first calculation
// opened, not with the frame: the overview paints without them.
const loadCalculation = async () => (await import('./calculation.svelte')).Calculation;
let knowledgeDiff: typeof import('../../shared/store/knowledge-diff') | null = null;

export type DiscardChoice = 'save' | 'discard' | 'cancel';

export interface KnowledgeNotice {
  file: OpenedFile['knowledge']['file'];
  current: OpenedFile['knowledge']['current'];
  /** Null when the file has no knowledge target group (nothing to compare line by line). */
  diff: KnowledgeDiff | null;
  lines: LinesForResult | null;
  /** Danish message when the comparison could not be made. */
  error: string | null;
  /** The file is a copy of a course example (its values are the course's; it names no knowledge release). */
  example?: boolean;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  resolve: (choice: DiscardChoice) => void;
}

class WizardSession {
  current: Calculation | null = $state(null);
  loading = $state(false);
  /** Danish message of a failed open (role="alert"). */
  error: string | null = $state(null);
  notice: KnowledgeNotice | null = $state(null);
  confirm: ConfirmRequest | null = $state(null);
  /** A study chosen in the explorer ("Brug i beregning"), prefilled into the Effekt converter once. */
  pendingStudy: StudyDetail | null = $state(null);
  private hostEventsInstalled = false;
  private syncing = false;

  private appLabel(): string | undefined {
    const i = appInfo.info;
    return i ? `${i.name} ${i.version}` : undefined;
  }

  /** Asks (Danish dialog) what to do with unsaved changes; resolves 'discard' when there are none. */
  ask(title: string, message: string): Promise<DiscardChoice> {
    return new Promise((resolve) => {
      this.confirm = {
        title,
        message,
        resolve: (c) => {
          this.confirm = null;
          resolve(c);
        },
      };
    });
  }

  /** true when the current calculation may be replaced (saved, discarded, or nothing to lose). */
  async guardReplace(): Promise<boolean> {
    const c = this.current;
    if (!c || !c.dirty) {
      c?.dispose();
      return true;
    }
    const choice = await this.ask(
      'Ikke-gemte ændringer',
      `Beregningen «${c.doc.intervention.name}» har ændringer, der ikke er gemt. Vil du gemme dem først?`,
    );
    if (choice === 'cancel') return false;
    if (choice === 'save') {
      const ok = await c.save();
      if (!ok) return false;
    } else {
      await c.discardRecovery();
    }
    c.dispose();
    return true;
  }

  /** A new, empty calculation (after the unsaved-changes question). */
  async startNew(step: StepId = 'om'): Promise<boolean> {
    if (!(await this.guardReplace())) return false;
    const Calculation = await loadCalculation();
    const c = Calculation.createNew(new Date().getFullYear(), { appLabel: this.appLabel() });
    try {
      // The knowledge release's price index (through its projected years), discount and tax rates.
      c.useKnowledgeParameters(await call('knowledge.other', {}));
    } catch {
      // Without the knowledge database the model's defaults stay.
    }
    this.current = c;
    this.notice = null;
    this.error = null;
    router.go(`/beregning/ny/${step}`);
    return true;
  }

  /** Opens a saved calculation by id; compares its knowledge values with the current database. */
  async open(id: string, step: StepId = 'om'): Promise<boolean> {
    if (this.current?.id === id) {
      router.go(`/beregning/${id}/${step}`);
      return true;
    }
    if (!(await this.guardReplace())) return false;
    this.loading = true;
    this.error = null;
    this.notice = null;
    try {
      const [opened, Calculation] = await Promise.all([call('store.open', { id }), loadCalculation()]);
      this.current = new Calculation(opened.doc, { id: opened.id, fileName: opened.fileName, stamp: opened.stamp, sizeWarning: opened.sizeWarning });
      this.current.lastSaved = opened.doc.savedAt;
      for (const s of ['omkostninger', 'effekt', 'konsekvenser-1', 'konsekvenser-2', 'resultater'] as const) this.current.visit(s);
      router.go(`/beregning/${opened.id}/${step}`);
      if (opened.knowledge.differs) void this.compare(opened);
      return true;
    } catch (e) {
      this.current = null;
      this.error = errorMessage(e);
      return false;
    } finally {
      this.loading = false;
    }
  }

  private async compare(opened: OpenedFile): Promise<void> {
    const tg = opened.doc.intervention.targetGroup;
    const notice: KnowledgeNotice = {
      file: opened.knowledge.file,
      current: opened.knowledge.current,
      diff: null,
      lines: null,
      error: null,
      example: isCourseExample(opened.doc),
    };
    if (tg.id !== null && tg.successMeasureId !== null) {
      try {
        const [lines, kd] = await Promise.all([
          call('knowledge.linesFor', { targetGroupId: tg.id, successMeasureId: tg.successMeasureId }),
          import('../../shared/store/knowledge-diff'),
        ]);
        knowledgeDiff = kd;
        notice.lines = lines;
        notice.diff = kd.compareKnowledge(opened.doc, lines);
      } catch (e) {
        notice.error = errorMessage(e);
      }
    }
    if (this.current?.id === opened.id) this.notice = notice;
  }

  /** Updates the chosen lines (and optionally the parameters) to the current knowledge values. */
  applyNotice(lineIds: string[], parameters: boolean): void {
    const c = this.current;
    const n = this.notice;
    // The notice has lines only once compare() has loaded the comparison module.
    if (!c || !n?.lines || !knowledgeDiff) return;
    const next = knowledgeDiff.applyKnowledge($state.snapshot(c.doc) as typeof c.doc, n.lines, lineIds, parameters);
    c.doc.lines = next.lines;
    c.doc.parameters = next.parameters;
    c.doc.knowledge = next.knowledge;
    c.touch();
    this.notice = null;
  }

  /** Restores unsaved work from the recovery area. */
  async restore(key: string): Promise<boolean> {
    if (!(await this.guardReplace())) return false;
    try {
      const [r, Calculation] = await Promise.all([call('store.recoveryOpen', { key }), loadCalculation()]);
      this.current = new Calculation(r.doc, { id: r.fileId, fileName: r.fileName, stamp: r.stamp, recoveryKey: key, dirty: true });
      for (const s of ['omkostninger', 'effekt', 'konsekvenser-1', 'konsekvenser-2', 'resultater'] as const) this.current.visit(s);
      this.notice = null;
      router.go(r.fileId ? `/beregning/${r.fileId}/om` : '/beregning/ny/om');
      return true;
    } catch (e) {
      this.error = errorMessage(e);
      return false;
    }
  }

  /** "Luk": closes the calculation (asking about unsaved changes) and goes to the overview. */
  async close(): Promise<void> {
    if (!(await this.guardReplace())) return;
    this.current = null;
    this.notice = null;
    router.go('/oversigt');
  }

  /**
   * Brings the session in line with the address '#/beregning/<ny|id>/<trin>': starts a new
   * calculation or opens the one named (asking about unsaved changes first), and completes a
   * route without a step. When the address changed while it waited, it follows the new one.
   */
  async syncRoute(r: WizardRoute): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      const study = r.query.get('study');
      if (r.target === 'ny') {
        if (study) {
          let detail = null;
          try {
            detail = await call('knowledge.study', { id: study });
          } catch (e) {
            this.error = errorMessage(e);
            return;
          }
          if (await this.startNew('effekt')) this.pendingStudy = detail;
          return;
        }
        const c = this.current;
        if (!c || c.id !== null) {
          const ok = await this.startNew(r.step ?? 'om');
          if (!ok && c) router.go(`/beregning/${c.id}/om`);
          return;
        }
        if (!r.step) router.go('/beregning/ny/om');
        return;
      }
      if (this.current?.id !== r.target) {
        const prev = this.current;
        const ok = await this.open(r.target, r.step ?? 'om');
        if (!ok && prev && this.current === prev) router.go(`${prev.id ? `/beregning/${prev.id}` : '/beregning/ny'}/om`);
        return;
      }
      if (!r.step) router.go(`/beregning/${r.target}/om`);
    } finally {
      this.syncing = false;
    }
    // The route may have changed while we waited (dialog, loading): follow it.
    const now = parseWizardRoute(router.segments);
    if (now.target !== r.target || now.step !== r.step) void this.syncRoute(now);
  }

  /** Electron menu (Filer → Ny / Gem / Gem som) and files opened by main. Idempotent. */
  installHostEvents(): void {
    if (this.hostEventsInstalled || typeof window === 'undefined' || !window.hostEvents) return;
    this.hostEventsInstalled = true;
    window.hostEvents.on('menu', ({ command }) => {
      if (command === 'file.new') void this.startNew();
      else if (command === 'file.save') void this.saveFromMenu(false);
      else if (command === 'file.saveAs') void this.saveFromMenu(true);
    });
    window.hostEvents.on('open-file', (p) => {
      if (!p.ok) this.error = p.message;
      else if (p.kind === 'comparison') void this.openComparison(p.id);
      else void this.open(p.id);
    });
  }

  /** A .somp opened by main: shown on the Sammenligning page (loaded lazily: that module imports this one). */
  private async openComparison(id: string): Promise<void> {
    const { comparison } = await import('../compare/comparison.svelte');
    if (!(await comparison.open(id))) {
      this.error = comparison.error;
      router.go('/sammenligning');
    }
  }

  private async saveFromMenu(as: boolean): Promise<void> {
    const c = this.current;
    if (!c) return;
    const ok = as ? await c.saveAs() : await c.save();
    if (ok && c.id) {
      const step = router.segments[2];
      router.go(`/beregning/${c.id}/${step ?? 'om'}`);
    }
  }
}

export const session = new WizardSession();

if (typeof window !== 'undefined') {
  // Closing the window or reloading with unsaved changes: the browser's/Electron's own question.
  // (Electron: main answers 'will-prevent-unload' with a native Danish dialog, src-main/electron/dialogs.ts.)
  // A file dropped outside the overview's import must not make the window navigate to it (losing work).
  const isFileDrag = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  window.addEventListener('dragover', (e) => {
    if (isFileDrag(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (isFileDrag(e)) e.preventDefault();
  });
  window.addEventListener('beforeunload', (e) => {
    if (session.current?.dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
}
