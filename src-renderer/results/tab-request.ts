/**
 * A Resultater tab asked for by another page before the results open (Oversigt → "Følg op" opens
 * the calculation on the Opfølgning tab). Read once by the results view when it mounts.
 */
let requested: string | null = null;

export function requestResultsTab(id: string): void {
  requested = id;
}

export function takeResultsTab(): string | null {
  const r = requested;
  requested = null;
  return r;
}
