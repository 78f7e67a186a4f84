/**
 * What the wizard derives from the document being edited, once per change: whether it is a valid
 * .som document (exactly as reading it from a file would decide), the engine's full result for
 * Resultater, and the smaller result of the live preview on steps 2–5.
 *
 * Each member of the document (and each member of the intervention) is turned into JSON text only
 * when that member changed (reading a member through the state registers only its own values), and
 * the validator checks again only the members whose text changed: a keystroke in the participants re-checks the intervention, not the
 * lines. Deriveds are computed only when read, so the full result is not built while only the
 * preview is shown.
 */
import { interventionSchema, type SomDocument } from '../../shared/som/schema';
import { SomPartsValidator, type SomMember, type SomMemberText } from '../../shared/som/validate-parts';
import type { CalcResult } from '../../shared/engine/calc';
import { calculatePreview, type PreviewResult } from '../../shared/engine/preview';
import { calcOutcome, type CalcOutcome } from '../lib/editable-calculation';
import { errorMessage } from '../lib/error-message';
import { ObjectText } from './object-text.svelte';

type Validated = { doc: SomDocument; problem: null } | { doc: null; problem: string };

export class DocumentOutcome {
  readonly #doc: () => SomDocument;
  readonly #fieldErrors: () => Record<string, string>;

  /** `doc` and `fieldErrors` read the calculation's state (so the deriveds below follow it). */
  constructor(doc: () => SomDocument, fieldErrors: () => Record<string, string>) {
    this.#doc = doc;
    this.#fieldErrors = fieldErrors;
  }

  /** The intervention's text, kept per member: a digit typed in the participants re-writes only those. */
  private readonly interventionText = new ObjectText(() => this.#doc().intervention, Object.keys(interventionSchema.shape));
  private readonly linesText: SomMemberText = $derived.by(() => {
    const lines = this.#doc().lines;
    return Array.isArray(lines) ? lines.map((l) => JSON.stringify(l) ?? 'null') : JSON.stringify(lines);
  });
  private readonly otherTexts = $derived.by(() => {
    const doc = this.#doc() as unknown as Record<string, unknown>;
    // A plain lookup without a prototype (a key of an opened file can be any text).
    const out = Object.create(null) as Record<string, string | undefined>;
    for (const k of Object.keys(doc)) {
      if (k === 'intervention' || k === 'lines') continue;
      out[k] = JSON.stringify(doc[k]) as string | undefined;
    }
    return out;
  });
  private readonly members = $derived.by((): SomMember[] => {
    const out: SomMember[] = [];
    for (const k of Object.keys(this.#doc())) {
      if (k === 'lines') out.push([k, this.linesText]);
      else {
        const t = k === 'intervention' ? this.interventionText.text : this.otherTexts[k];
        if (t !== undefined) out.push([k, t]);
      }
    }
    return out;
  });
  private readonly validator = new SomPartsValidator();

  /** The document as the file would hold it, validated with exactly the outcome of parseSom. */
  private readonly validated = $derived.by((): Validated => {
    try {
      return { doc: this.validator.validate(this.members), problem: null };
    } catch (e) {
      return { doc: null, problem: errorMessage(e, 'Beregningen er ikke gyldig.') };
    }
  });

  /** First cross-field or schema problem of the document (Danish), or null when it is a valid .som document. */
  readonly problem = $derived(this.validated.problem);

  /** The texts of the members the engine reads (it reads no others). */
  private engineInputs(): readonly unknown[] {
    return [this.interventionText.text, this.linesText, this.otherTexts.parameters, this.otherTexts.view];
  }

  private readonly fullMemo = new SameInputs<CalcOutcome>();
  private readonly previewMemo = new SameInputs<PreviewResult | null>();

  /**
   * The engine's result for the document as it is now, or the Danish reason it cannot be
   * calculated. A change that does not touch what the engine reads (the analysis settings, the
   * report text, notes) keeps the same object, so nothing that shows it is redrawn.
   */
  readonly calculated: CalcOutcome = $derived.by(() => {
    const v = this.validated;
    if (v.doc === null) return { result: null, error: v.problem };
    const doc = v.doc;
    return this.fullMemo.get(this.engineInputs(), () => calcOutcome(doc));
  });

  private readonly hasFieldErrors = $derived.by(() => Object.keys(this.#fieldErrors()).length > 0);

  /** The full result; null while the document is not valid or a field has an error. */
  readonly result: CalcResult | null = $derived(this.hasFieldErrors ? null : this.calculated.result);

  /** What the live preview shows (the same present values as `result`); null when `result` would be. */
  readonly preview: PreviewResult | null = $derived.by(() => {
    const v = this.validated;
    if (this.hasFieldErrors || v.doc === null) return null;
    const doc = v.doc;
    return this.previewMemo.get(this.engineInputs(), () => {
      try {
        return calculatePreview(doc);
      } catch {
        // The full result says why (Resultater); the preview is only left out.
        return null;
      }
    });
  });
}

/** The last value made, kept while the inputs it was made from are the same (compared one by one). */
class SameInputs<T> {
  private last: { inputs: readonly unknown[]; value: T } | null = null;

  get(inputs: readonly unknown[], make: () => T): T {
    const last = this.last;
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) return last.value;
    const value = make();
    this.last = { inputs, value };
    return value;
  }
}
