/**
 * Selection state of one filter list, with the mouse semantics of SØM's Excel slicers:
 * - click: select only that option (clicking the only selected option again clears the filter);
 * - ctrl/cmd+click: toggle that option, keep the rest;
 * - shift+click: select the range from the last clicked option (the anchor) to this one;
 *   ctrl/cmd+shift+click adds the range to the selection.
 * Keyboard users toggle options with their checkbox (Space), same as ctrl+click.
 * Nothing selected = no filter (everything shown).
 */
export interface SelectOption {
  value: string;
  label: string;
  /** Matching items for the current filters (shown as a hint; 0 is dimmed). */
  count?: number;
}

export interface ClickModifiers {
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

export class MultiSelect {
  options = $state<SelectOption[]>([]);
  /** Selected values, in option order. */
  selected = $state<string[]>([]);
  /** The option the last click/toggle was on (start of a shift range). */
  anchor = $state<string | null>(null);

  constructor(options: SelectOption[] = [], selected: string[] = []) {
    this.options = options;
    this.selected = this.ordered(selected);
  }

  isSelected(value: string): boolean {
    return this.selected.includes(value);
  }

  get active(): boolean {
    return this.selected.length > 0;
  }

  /** Replaces the options; keeps selected values that still exist. */
  setOptions(options: SelectOption[]): void {
    this.options = options;
    const values = options.map((o) => o.value);
    const kept = this.selected.filter((v) => values.includes(v));
    if (kept.length !== this.selected.length) this.selected = kept;
    if (this.anchor !== null && !values.includes(this.anchor)) this.anchor = null;
  }

  /** A mouse click with Excel-slicer modifiers. */
  click(value: string, mods: ClickModifiers = {}): void {
    const additive = Boolean(mods.ctrlKey || mods.metaKey);
    if (mods.shiftKey && this.anchor !== null && this.indexOf(this.anchor) >= 0 && this.indexOf(value) >= 0) {
      const a = this.indexOf(this.anchor);
      const b = this.indexOf(value);
      const range = this.options.slice(Math.min(a, b), Math.max(a, b) + 1).map((o) => o.value);
      this.selected = this.ordered(additive ? [...this.selected, ...range] : range);
      // The anchor stays where the range started, as in Excel and file managers.
      return;
    }
    this.anchor = value;
    if (additive) {
      this.toggleValue(value);
    } else if (this.selected.length === 1 && this.selected[0] === value) {
      this.selected = [];
    } else {
      this.selected = [value];
    }
  }

  /** Checkbox / keyboard toggle. */
  toggle(value: string): void {
    this.anchor = value;
    this.toggleValue(value);
  }

  set(values: string[]): void {
    this.selected = this.ordered(values);
  }

  clear(): void {
    this.selected = [];
    this.anchor = null;
  }

  private toggleValue(value: string): void {
    this.selected = this.isSelected(value) ? this.selected.filter((v) => v !== value) : this.ordered([...this.selected, value]);
  }

  private indexOf(value: string): number {
    return this.options.findIndex((o) => o.value === value);
  }

  /** Deduplicates and sorts by option order (values without an option go last, in given order). */
  private ordered(values: string[]): string[] {
    const unique = values.filter((v, i) => values.indexOf(v) === i);
    const pos = (v: string) => {
      const i = this.indexOf(v);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return unique.map((v, i) => ({ v, i })).sort((x, y) => pos(x.v) - pos(y.v) || x.i - y.i).map((x) => x.v);
  }
}
