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

/** The text of an element as read, without its help buttons and opened help texts. */
function readable(el: Element | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const x of Array.from(copy.querySelectorAll('button, .help-text'))) x.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function byIds(doc: Document, ids: string | null): string {
  if (!ids) return '';
  return ids.split(/\s+/).map((id) => readable(doc.getElementById(id))).filter(Boolean).join(', ');
}

/**
 * The name of an input as a user reads it: its labels (aria-labelledby, <label for>, title),
 * preceded by the name of its table when it is a table cell ("Samlede omkostninger …: Kommune, 2018").
 */
export function fieldLabel(el: HTMLElement): string {
  const doc = el.ownerDocument;
  let name = byIds(doc, el.getAttribute('aria-labelledby'));
  if (!name) {
    const lbl = el.id ? Array.from(doc.getElementsByTagName('label')).find((l) => l.htmlFor === el.id) : undefined;
    name = readable(lbl ?? null);
  }
  if (!name) name = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim() || 'Et felt';
  const table = el.closest('table');
  const tableName = table ? byIds(doc, table.getAttribute('aria-labelledby')) || readable(table.querySelector('caption')) : '';
  return tableName && !name.startsWith(tableName) ? `${tableName}: ${name}` : name;
}
