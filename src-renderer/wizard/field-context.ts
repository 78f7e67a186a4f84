import { getContext, setContext } from 'svelte';
import type { StepId } from './calculation.svelte';

/** Where a field with an invalid text is, so that the error list can name it and lead back to it. */
export interface FieldErrorDetail {
  /** The text the user wrote (shown again when the field is shown again). */
  text: string;
  /** The field's name as a user reads it ("Egne værdier, Boligstøtte, År 3"). */
  label: string;
  step: StepId;
}

/** Given by the wizard to the number inputs of the step it shows. */
export interface FieldHost {
  readonly step: StepId;
  /** The invalid text and message a field had when it was last shown, if it still has one. */
  pending(id: string): { text: string; message: string } | undefined;
  report(id: string, message: string | null, detail?: FieldErrorDetail): void;
}

const KEY = Symbol('field-host');

export function setFieldHost(host: FieldHost): void {
  setContext(KEY, host);
}

export function getFieldHost(): FieldHost | undefined {
  return getContext<FieldHost | undefined>(KEY);
}

/** The accessible name of an input from its labels (aria-labelledby, <label for>, title). */
export function fieldLabel(el: HTMLElement): string {
  const ids = el.getAttribute('aria-labelledby');
  const doc = el.ownerDocument;
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  if (ids) {
    const parts = ids.split(/\s+/).map((id) => clean(doc.getElementById(id)?.textContent)).filter(Boolean);
    if (parts.length > 0) return parts.join(', ');
  }
  const lbl = el.id ? Array.from(doc.getElementsByTagName('label')).find((l) => l.htmlFor === el.id) : undefined;
  if (lbl) return clean(lbl.textContent);
  return clean(el.getAttribute('aria-label') ?? el.getAttribute('title')) || 'Et felt';
}
