/**
 * The Danish names of the fields of a .som document, for the messages of a file that cannot be
 * opened: a zod issue at a JSON path becomes e.g. "Deltagere, år 2020: skal være et tal.".
 */
import type { z } from 'zod';
import { ACTORS, type Actor } from './schema';
import { costModelFieldLabel } from './costmodel';
import { followUpLabel } from './followup';

function valueAt(raw: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown; parent: unknown } {
  let cur: unknown = raw;
  let parent: unknown = undefined;
  for (const key of path) {
    parent = cur;
    if (typeof cur !== 'object' || cur === null) return { found: false, value: undefined, parent };
    if (!Object.prototype.hasOwnProperty.call(cur, key as string)) return { found: false, value: undefined, parent };
    cur = (cur as Record<string, unknown>)[key as string];
  }
  return { found: true, value: cur, parent };
}

/** The Danish message for one zod issue of the raw document `raw`. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `'${truncate(k, 40)}'`).join(', ');
    const where = path.length === 0 ? 'Filen' : fieldLabel(path, raw);
    return `${where}: ukendt${issue.keys.length > 1 ? 'e felter' : ' felt'} ${keys} (findes ikke i formatversion 1).`;
  }
  if (issue.code === 'invalid_key') {
    const key = path[path.length - 1];
    return `${fieldLabel(path.slice(0, -1), raw)}: ugyldigt årstal '${truncate(String(key), 20)}' (skal være et årstal fra 1900 til 2100, skrevet med fire cifre).`;
  }
  const label = path.length === 0 ? 'Filen' : fieldLabel(path, raw);
  const { found, parent } = valueAt(raw, path);
  const expectation = issue.message;
  if (!found && issue.code === 'invalid_type' && typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    return `${label}: mangler (${expectation}).`;
  }
  return `${label}: ${expectation}.`;
}

/** Shortens text from the file for use in a message, and flattens control characters. */
function truncate(s: string, n: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
}

const ACTOR_DA: Record<Actor, string> = { kommune: 'kommune', region: 'region', stat: 'stat' };

function isActor(k: unknown): k is Actor {
  return typeof k === 'string' && (ACTORS as readonly string[]).includes(k);
}

/**
 * The Danish name of the field at `path` of a (possibly invalid) raw document, e.g.
 * ['intervention','participants',2] → "Deltagere, år 2020" (start year taken from the raw file
 * when it is a valid integer), ['lines',0,'own',2] → "Konsekvenslinje 'Kontanthjælp', År 3 (egne værdier)".
 */
export function fieldLabel(path: readonly (string | number)[], raw: unknown): string {
  const [p0, p1, p2, p3, p4] = path;
  const startYear = valueAt(raw, ['intervention', 'startYear']).value;
  const yearOf = (i: unknown): string =>
    typeof i === 'number'
      ? typeof startYear === 'number' && Number.isInteger(startYear)
        ? `år ${startYear + i}`
        : `indsatsår nr. ${i + 1}`
      : '';
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join(', ');

  switch (p0) {
    case 'format':
      return 'Filformat';
    case 'formatVersion':
      return 'Formatversion';
    case 'createdWith':
      return 'Oprettet med';
    case 'savedAt':
      return 'Gemt tidspunkt';
    case 'knowledge':
      return join(
        'Vidensdatabase',
        p1 === 'release' ? 'udgave' : p1 === 'sha256' ? 'kontrolsum' : p1 !== undefined ? String(p1) : '',
      );
    case 'intervention':
      return interventionLabel(path.slice(1), yearOf, join, raw);
    case 'lines': {
      if (p1 === undefined) return 'Konsekvenslinjer';
      const lineLabel = valueAt(raw, ['lines', p1, 'label']).value;
      const name =
        typeof lineLabel === 'string' && lineLabel.trim() !== ''
          ? `Konsekvenslinje '${truncate(lineLabel, 80)}'`
          : `Konsekvenslinje nr. ${typeof p1 === 'number' ? p1 + 1 : String(p1)}`;
      return lineFieldLabel(name, p2, p3, p4, join);
    }
    case 'parameters':
      switch (p1) {
        case undefined:
          return 'Parametre';
        case 'discountRate':
          return 'Diskonteringsrente';
        case 'taxRates':
          return isActor(p2) ? `Skattesats, ${ACTOR_DA[p2]}` : 'Skattesatser';
        case 'priceIndex':
          return p2 !== undefined ? `Prisindeks, ${truncate(String(p2), 20)}` : 'Prisindeks';
        default:
          return `Parametre, ${String(p1)}`;
      }
    case 'view':
      switch (p1) {
        case 'periodStart':
          return 'Periode, første år';
        case 'periodEnd':
          return 'Periode, sidste år';
        case 'actor':
          return 'Visning, aktør';
        default:
          return 'Visning';
      }
    case 'analysis':
      return analysisLabel(path.slice(1), raw, join);
    case 'report':
      return p1 === 'text' ? 'Rapporttekst' : 'Rapport';
    case 'followUp':
      return followUpLabel(path.slice(1), valueAt(raw, ['followUp']).value);
    case 'notes':
      if (p1 === undefined) return 'Noter';
      return join(`Note nr. ${typeof p1 === 'number' ? p1 + 1 : String(p1)}`, p2 === 'at' ? 'tidspunkt' : p2 === 'text' ? 'tekst' : '');
    case 'extensions':
      return 'Udvidelser';
    default:
      return path.map(String).join('.');
  }
}

const ANALYSIS_INPUT_DA: Record<string, string> = {
  successRate: 'succesrate',
  costs: 'omkostninger',
  consequences: 'konsekvenser',
  consequencesMeasured: 'konsekvenser i målte år',
  consequencesForecast: 'konsekvenser i fremskrevne år',
  prices: 'priser',
  discountRates: 'diskonteringsrenter',
  periodYears: 'periodelængder',
};

/** Labels inside `analysis` (shape: ./analysis.ts). */
function analysisLabel(path: readonly (string | number)[], raw: unknown, join: (...parts: string[]) => string): string {
  const [p1, p2, p3, p4, p5, p6] = path;
  const nth = (i: unknown) => (typeof i === 'number' ? `nr. ${i + 1}` : String(i));
  const lowHigh = (k: unknown) => (k === 'low' ? 'lav' : k === 'high' ? 'høj' : typeof k === 'number' ? `værdi ${nth(k)}` : '');
  const input = (k: unknown) => (typeof k === 'string' ? (ANALYSIS_INPUT_DA[k] ?? truncate(k, 40)) : '');
  switch (p1) {
    case undefined:
      return 'Analyse';
    case 'scenarios': {
      if (p2 === undefined) return 'Analyse, scenarier';
      const name = valueAt(raw, ['analysis', 'scenarios', p2, 'name']).value;
      const base = typeof name === 'string' && name.trim() !== '' ? `Scenarie '${truncate(name, 80)}'` : `Scenarie ${nth(p2)}`;
      if (p3 === 'changes') {
        const field = p5 === 'input' ? 'input' : p5 === 'value' ? 'værdi' : '';
        return join(base, p4 === undefined ? 'ændringer' : `ændring ${nth(p4)}`, field);
      }
      return join(base, p3 === 'id' ? 'id' : p3 === 'name' ? 'navn' : p3 !== undefined ? String(p3) : '');
    }
    case 'sensitivity':
      return join('Følsomhedsanalyse', input(p2), lowHigh(p3));
    case 'monteCarlo':
      if (p2 === 'seed') return 'Monte Carlo, startværdi (seed)';
      if (p2 === 'draws') return 'Monte Carlo, antal træk';
      if (p2 === 'ranges') return join('Monte Carlo, interval', input(p3), lowHigh(p4));
      void p6;
      return 'Monte Carlo';
    default:
      return join('Analyse', String(p1));
  }
}

function interventionLabel(
  path: readonly (string | number)[],
  yearOf: (i: unknown) => string,
  join: (...parts: string[]) => string,
  raw: unknown,
): string {
  const [p1, p2, p3, p4] = path;
  switch (p1) {
    case undefined:
      return 'Indsats';
    case 'name':
      return 'Indsatsens navn';
    case 'description':
      return 'Beskrivelse af indsatsen';
    case 'targetGroup': {
      const sub: Record<string, string> = {
        id: 'Målgruppe, id',
        label: 'Målgruppe',
        successMeasureId: 'Succesmål, id',
        successMeasureLabel: 'Succesmål',
        description: 'Beskrivelse af målgruppen',
      };
      return typeof p2 === 'string' && sub[p2] ? sub[p2] : 'Målgruppe';
    }
    case 'startYear':
      return 'Startår';
    case 'yearsWithIntervention':
      return 'Antal år med indsats';
    case 'courseDurationMonths':
      return 'Forløbets varighed (måneder)';
    case 'participants':
      return join('Deltagere', yearOf(p2));
    case 'costs':
    case 'savedCosts': {
      const base = p1 === 'costs' ? 'Samlede omkostninger' : 'Sparede omkostninger (erstattede indsatser)';
      return join(base, isActor(p2) ? ACTOR_DA[p2] : p2 !== undefined ? String(p2) : '', yearOf(p3));
    }
    case 'costModel':
      return costModelFieldLabel(path.slice(1), raw);
    case 'effect':
      switch (p2) {
        case undefined:
          return 'Effekt';
        case 'measure':
          return 'Effektmål';
        case 'successRate':
          return 'Succesrate';
        case 'conversion': {
          const sub: Record<string, string> = {
            kind: 'type',
            value: 'effektstørrelse',
            baseline: 'andel der når målet uden indsatsen',
            studyId: 'studie',
          };
          return join('Effektomregning', typeof p3 === 'string' && sub[p3] ? sub[p3] : '');
        }
        default:
          return 'Effekt';
      }
    case 'assessment':
      return p2 === 'effectMeasure'
        ? 'Vurdering af effektmålet'
        : p2 === 'targetGroup'
          ? 'Vurdering af målgruppen'
          : 'Vurdering';
    default:
      void p4;
      return join('Indsats', String(p1));
  }
}

function lineFieldLabel(
  name: string,
  field: string | number | undefined,
  sub: string | number | undefined,
  _sub2: string | number | undefined,
  join: (...parts: string[]) => string,
): string {
  const yearK = (k: unknown) => (typeof k === 'number' ? `År ${k + 1}` : '');
  switch (field) {
    case undefined:
      return name;
    case 'id':
      return join(name, 'id');
    case 'dimensionId':
      return join(name, 'dimension');
    case 'label':
      return join(name, 'navn');
    case 'area':
      return join(name, 'område');
    case 'unit':
      return join(name, 'enhed');
    case 'direction':
      return join(name, 'retning (udgift/indtægt)');
    case 'taxableTransfer':
      return join(name, 'skattepligtig overførsel');
    case 'useEstimates':
      return join(name, 'brug vidensdatabasens skøn');
    case 'estimate':
      return sub === undefined ? join(name, 'vidensdatabasens skøn') : `${join(name, yearK(sub))} (vidensdatabasens skøn)`;
    case 'estimateKind':
      return sub === undefined ? join(name, 'skønstype') : `${join(name, yearK(sub))} (skønstype)`;
    case 'own':
      return sub === undefined ? join(name, 'egne værdier') : `${join(name, yearK(sub))} (egne værdier)`;
    case 'price':
      if (sub === 'priceYear') return join(name, 'prisår');
      if (sub === 'source') return join(name, 'priskilde');
      return join(name, 'pris', isActor(sub) ? ACTOR_DA[sub] : '');
    case 'ownPrice':
      return join(name, 'egen pris', isActor(sub) ? ACTOR_DA[sub] : '');
    default:
      return join(name, String(field));
  }
}
