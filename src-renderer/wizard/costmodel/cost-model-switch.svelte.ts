/**
 * Switching the cost model of the calculation being edited on and off, and changing it. Switching
 * on remembers the typed yearly costs it replaces; switching off remembers the activities, so that
 * either can come back later in the same session.
 */
import type { SomDocument } from '../../../shared/som/schema';
import type { SomCostModel } from '../../../shared/som/costmodel';
import { activityKey } from './activities';

/** What the switch needs of the calculation: its document, the change mark and its field errors. */
export interface CostModelHost {
  readonly doc: SomDocument;
  /** Marks the document changed (and derives the yearly costs of a cost model). */
  touch(): void;
  /** Forgets the errors of fields whose id matches `test`. */
  dropErrors(test: (id: string) => boolean): void;
}

type YearlyCosts = { costs: SomDocument['intervention']['costs']; savedCosts: SomDocument['intervention']['savedCosts'] };

export class CostModelSwitch {
  /** The typed yearly costs from before the cost model was switched on (this session only). */
  typedCostsBefore: YearlyCosts | null = $state(null);
  /** The last cost model switched off, so that switching on again brings its activities back (this session only). */
  private lastCostModel: SomCostModel | null = null;

  constructor(private readonly host: CostModelHost) {}

  /** "Beregn omkostningerne ud fra indsatsens aktiviteter": on. Remembers the typed costs it replaces. */
  enable(): void {
    const iv = this.host.doc.intervention;
    if (iv.costModel) return;
    this.typedCostsBefore = $state.snapshot({ costs: iv.costs, savedCosts: iv.savedCosts });
    iv.costModel = this.lastCostModel ?? { overheadRate: 0, activities: [] };
    this.host.touch();
  }

  /**
   * Off: the activities leave the document; the yearly costs either stay as typed values
   * ('derived') or go back to what was typed before ('typed', when remembered).
   */
  disable(keep: 'derived' | 'typed'): void {
    const iv = this.host.doc.intervention;
    if (!iv.costModel) return;
    this.lastCostModel = $state.snapshot(iv.costModel) as SomCostModel;
    delete iv.costModel;
    const before = this.typedCostsBefore;
    if (keep === 'typed' && before && before.costs.kommune.length === iv.yearsWithIntervention) {
      const typed = $state.snapshot(before);
      iv.costs = typed.costs;
      iv.savedCosts = typed.savedCosts;
    }
    this.host.dropErrors((k) => k.startsWith('cm-'));
    this.typedCostsBefore = null;
    this.host.touch();
  }

  /** Changes the cost model (no-op without one). */
  update(fn: (cm: SomCostModel) => void): void {
    const cm = this.host.doc.intervention.costModel;
    if (!cm) return;
    fn(cm);
    this.host.touch();
  }

  removeActivity(id: string): void {
    this.update((cm) => {
      cm.activities = cm.activities.filter((a) => a.id !== id);
    });
    const key = `${activityKey(id)}-`;
    this.host.dropErrors((k) => k.startsWith(key));
  }
}
