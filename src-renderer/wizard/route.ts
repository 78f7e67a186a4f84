import { isStepId, type StepId } from './steps';

export interface WizardRoute {
  /** 'ny' for a new calculation, else a store id. */
  target: 'ny' | string;
  step: StepId | null;
  query: URLSearchParams;
}

/** '#/beregning/<ny|id>/<trin>[?study=…]' → parts (segments after 'beregning'). */
export function parseWizardRoute(segments: readonly string[]): WizardRoute {
  const [, target = 'ny', rawStep = ''] = segments;
  const q = rawStep.indexOf('?');
  const stepPart = q >= 0 ? rawStep.slice(0, q) : rawStep;
  const query = new URLSearchParams(q >= 0 ? rawStep.slice(q + 1) : '');
  const t = target.split('?')[0];
  if (target.includes('?') && !rawStep) for (const [k, v] of new URLSearchParams(target.slice(target.indexOf('?') + 1))) query.set(k, v);
  return { target: t === '' ? 'ny' : t, step: isStepId(stepPart) ? stepPart : null, query };
}
