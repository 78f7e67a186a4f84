/**
 * The comparison being looked at (Sammenligning): its calculations, the chosen common basis, the
 * chosen actor and the report text; where it is saved (.somp in the file store); and the
 * calculations chosen on Oversigt. Kept while the user visits other pages.
 */
import { call } from '../lib/api';
import { router } from '../lib/router.svelte';
import { appInfo } from '../lib/app-info.svelte';
import { session } from '../wizard/session.svelte';
import type { Calculation } from '../wizard/calculation.svelte';
import { compare, type CompareResult } from '../../shared/engine/compare';
import {
  MAX_COMPARE_MEMBERS,
  basisProblem,
  resolveBasis,
  type BasisChoice,
  type CompareBasis,
} from '../../shared/engine/compare-basis';
import { createSomp, type SompDocument } from '../../shared/som/somp-basics';
import type { SomDocument, ViewActor } from '../../shared/som/schema';
import { errorMessage } from '../lib/error-message';

export const MIN_SELECTED = 2;

export class Comparison {
  members: SomDocument[] = $state([]);
  name = $state('Sammenligning');
  reportText = $state('');
  /** Store id of the .somp file, null when not saved yet. */
  id: string | null = $state(null);
  fileName: string | null = $state(null);
  dirty = $state(false);
  /** What the user chose; a field not set takes the default of the comparison. */
  choice: BasisChoice = $state({});
  actor: ViewActor = $state('alle');
  loading = $state(false);
  error: string | null = $state(null);
  status: string | null = $state(null);

  /** The calculations chosen on Oversigt (store ids, in the order chosen). */
  selected: string[] = $state([]);

  readonly basis: CompareBasis | null = $derived(this.members.length ? resolveBasis(this.members, this.choice) : null);
  readonly defaults: CompareBasis | null = $derived(this.members.length ? resolveBasis(this.members) : null);
  readonly basisError: string | null = $derived(this.basis ? basisProblem(this.basis) : null);

  readonly result: CompareResult | null = $derived.by(() => {
    if (!this.basis || this.basisError) return null;
    try {
      return compare($state.snapshot(this.members) as SomDocument[], $state.snapshot(this.basis));
    } catch {
      return null;
    }
  });

  // ---- choosing on Oversigt ------------------------------------------------------------------

  isSelected(id: string): boolean {
    return this.selected.includes(id);
  }

  toggle(id: string, on: boolean): void {
    if (on && !this.selected.includes(id)) this.selected = [...this.selected, id];
    if (!on) this.selected = this.selected.filter((x) => x !== id);
  }

  /** Sammenlign: opens the chosen saved calculations as a new comparison. */
  async compareSelected(): Promise<boolean> {
    const ids = [...this.selected];
    if (ids.length < MIN_SELECTED || ids.length > MAX_COMPARE_MEMBERS) {
      this.error = `Vælg mellem ${MIN_SELECTED} og ${MAX_COMPARE_MEMBERS} beregninger at sammenligne.`;
      return false;
    }
    this.loading = true;
    this.error = null;
    try {
      const docs: SomDocument[] = [];
      for (const id of ids) docs.push((await call('store.open', { id })).doc);
      this.replace(docs, `Sammenligning af ${docs.length} indsatser`);
      this.selected = [];
      router.go('/sammenligning');
      return true;
    } catch (e) {
      this.error = errorMessage(e);
      return false;
    } finally {
      this.loading = false;
    }
  }

  private replace(docs: SomDocument[], name: string): void {
    this.members = docs;
    this.name = name;
    this.reportText = '';
    this.id = null;
    this.fileName = null;
    this.choice = {};
    this.dirty = true;
    this.status = null;
  }

  // ---- .somp ---------------------------------------------------------------------------------

  /** Opens a saved comparison from the file store. */
  async open(id: string): Promise<boolean> {
    this.loading = true;
    this.error = null;
    try {
      const o = await call('compare.open', { id });
      this.load(o.doc);
      this.id = o.id;
      this.fileName = o.fileName;
      this.dirty = false;
      router.go('/sammenligning');
      return true;
    } catch (e) {
      this.error = errorMessage(e);
      return false;
    } finally {
      this.loading = false;
    }
  }

  load(doc: SompDocument): void {
    this.members = doc.members;
    this.name = doc.name;
    this.reportText = doc.report?.text ?? '';
    this.choice = { ...doc.basis };
    this.status = null;
  }

  /** The comparison as a .somp document (every member embedded). */
  toSomp(): SompDocument {
    const i = appInfo.info;
    return createSomp({
      name: this.name.trim() === '' ? 'Sammenligning' : this.name.trim().slice(0, 200),
      basis: $state.snapshot(this.basis ?? resolveBasis(this.members)),
      members: $state.snapshot(this.members) as SomDocument[],
      createdWith: i ? `${i.name} ${i.version}` : undefined,
      reportText: this.reportText,
    });
  }

  /** Gem: writes the .somp file (a new one the first time). */
  async save(): Promise<boolean> {
    this.error = null;
    this.status = null;
    if (this.basisError) {
      this.error = `Sammenligningen kan ikke gemmes: ${this.basisError}`;
      return false;
    }
    try {
      const s = await call('compare.save', { id: this.id, doc: this.toSomp() });
      this.id = s.id;
      this.fileName = s.fileName;
      this.dirty = false;
      this.status = `Sammenligningen er gemt som «${s.fileName}».`;
      return true;
    } catch (e) {
      this.error = errorMessage(e);
      return false;
    }
  }

  // ---- members -------------------------------------------------------------------------------

  touch(): void {
    this.dirty = true;
  }

  setChoice(next: BasisChoice): void {
    this.choice = next;
    this.touch();
  }

  remove(index: number): void {
    this.members = this.members.filter((_, i) => i !== index);
    this.touch();
  }

  /** Adds the calculation open in the wizard (as it is now, saved or not). */
  addOpenCalculation(c: Calculation | null = session.current): boolean {
    if (!c) return false;
    this.error = null;
    if (this.members.length >= MAX_COMPARE_MEMBERS) {
      this.error = `Der kan højst sammenlignes ${MAX_COMPARE_MEMBERS} beregninger ad gangen.`;
      return false;
    }
    this.members = [...this.members, $state.snapshot(c.doc) as SomDocument];
    if (this.members.length === 1) this.name = `Sammenligning med ${c.doc.intervention.name}`.slice(0, 200);
    this.touch();
    this.status = `«${c.doc.intervention.name}» er tilføjet sammenligningen.`;
    return true;
  }

  /** Opens one member as an ordinary (new, unsaved) calculation in the wizard. */
  async openMember(index: number): Promise<boolean> {
    const doc = this.members[index];
    if (!doc) return false;
    if (!(await session.guardReplace())) return false;
    // The calculation (schemas, engine) loads when first needed, not with Oversigt.
    const { Calculation } = await import('../wizard/calculation.svelte');
    const i = appInfo.info;
    session.current = new Calculation(structuredClone($state.snapshot(doc)) as SomDocument, {
      dirty: true,
      appLabel: i ? `${i.name} ${i.version}` : undefined,
    });
    for (const s of ['omkostninger', 'effekt', 'konsekvenser-1', 'konsekvenser-2', 'resultater'] as const) session.current.visit(s);
    session.notice = null;
    session.error = null;
    router.go('/beregning/ny/resultater');
    return true;
  }
}

export const comparison = new Comparison();
