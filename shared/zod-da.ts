import type { z } from 'zod';

/** A short Danish description of zod issues for request validation errors (not for .som files). */
export function zodIssuesToDanish(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'forespørgsel'}: ${issueText(i)}`)
    .join('; ');
}

function issueText(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return `forkert type (forventet ${i.expected})`;
    case 'unrecognized_keys':
      return `ukendte felter (${i.keys.join(', ')})`;
    case 'too_small':
      return `for lille (mindst ${String(i.minimum)})`;
    case 'too_big':
      return `for stor (højst ${String(i.maximum)})`;
    default:
      return 'ugyldig værdi';
  }
}
