/** The explorer's "which figures" filter: all, only Socialstyrelsen's figures, only example data. */
export type ProvenanceChoice = 'alle' | 'socialstyrelsen' | 'eksempel';

export const PROVENANCE_OPTIONS: { value: ProvenanceChoice; label: string }[] = [
  { value: 'alle', label: 'Alle tal' },
  { value: 'socialstyrelsen', label: 'Kun Socialstyrelsens tal' },
  { value: 'eksempel', label: 'Kun eksempeldata' },
];

export function byProvenance<T extends { illustrative: boolean }>(rows: readonly T[], choice: ProvenanceChoice): T[] {
  if (choice === 'alle') return rows as T[];
  const want = choice === 'eksempel';
  return rows.filter((r) => r.illustrative === want);
}
