/** The wizard's steps in order (ids are the last part of the address '#/beregning/<id>/<trin>'). */
export const STEPS = [
  { id: 'om', label: 'Om indsatsen' },
  { id: 'omkostninger', label: 'Omkostninger' },
  { id: 'effekt', label: 'Effekt' },
  { id: 'konsekvenser-1', label: 'Konsekvenser 1' },
  { id: 'konsekvenser-2', label: 'Konsekvenser 2' },
  { id: 'resultater', label: 'Resultater' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

export function isStepId(s: string | undefined): s is StepId {
  return STEPS.some((x) => x.id === s);
}
