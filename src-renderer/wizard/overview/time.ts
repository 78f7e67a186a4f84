/** A date and time as a caseworker reads it (da-DK, short); the text itself when it is no date. */
export function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' });
}
