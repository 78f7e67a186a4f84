/**
 * Which value a calculation uses where the user may type an own value over a knowledge value (an
 * estimate År k, or a price): one wording and one marking for both, in Konsekvenser 2's tables.
 */
import { formatNumber } from '../../../shared/format';

export type OverridableKind = 'estimate' | 'price';

export interface ValueUsed {
  /** The knowledge value is replaced by the own value (struck through and greyed). */
  replaced: boolean;
  /** Title of the knowledge value's cell. */
  knowledgeTitle: string;
  /** Title of the own value's field. */
  ownTitle: string;
}

const WORDS = {
  estimate: { knowledge: 'SØM-estimat', knowledgeDef: 'SØM-estimatet', own: 'Eget tal', ownObj: 'dit eget tal', unit: '' },
  price: { knowledge: 'SØM-pris', knowledgeDef: 'SØM-prisen', own: 'Egen pris', ownObj: 'din egen pris', unit: ' kr.' },
} as const;

/** Titles and marking for a knowledge value (null: none is used) and the own value typed over it (null: none). */
export function valueUsed(kind: OverridableKind, knowledge: number | null, own: number | null, source: string): ValueUsed {
  const w = WORDS[kind];
  const fmt = (v: number) => `${formatNumber(v, v % 1 === 0 ? 0 : 2)}${w.unit}`;
  if (own !== null) {
    return {
      replaced: knowledge !== null,
      knowledgeTitle: knowledge !== null ? `${w.knowledge} ${fmt(knowledge)} (${source}): erstattet af ${w.ownObj} ${fmt(own)}, som bruges i beregningen` : source,
      ownTitle: knowledge !== null ? `${w.own} ${fmt(own)}: bruges i beregningen i stedet for ${w.knowledgeDef} ${fmt(knowledge)}` : `${w.own} ${fmt(own)}: bruges i beregningen`,
    };
  }
  return {
    replaced: false,
    knowledgeTitle: knowledge !== null ? `${w.knowledge} ${fmt(knowledge)} (${source}): bruges i beregningen` : source,
    ownTitle: knowledge !== null ? `Beregningen bruger ${w.knowledgeDef} ${fmt(knowledge)}` : 'Ingen værdi: tæller som 0',
  };
}
