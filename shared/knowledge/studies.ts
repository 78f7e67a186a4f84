/** The fixed vocabularies of the effect studies, one list each (schemas, queries, templates and the app use them). */

/** The quality ratings of an effect study, lowest first (the order they sort in). */
export const STUDY_QUALITIES = ['Lav', 'Mellem', 'Høj'] as const;
export type StudyQuality = (typeof STUDY_QUALITIES)[number];

/** The columns the study list can be sorted by. */
export const STUDY_SORT_COLUMNS = [
  'theme',
  'targetGroup',
  'intervention',
  'measure',
  'design',
  'quality',
  'country',
  'effectSize',
  'nParticipants',
  'significant',
  'horizonMonths',
  'year',
] as const;
export type StudySortColumn = (typeof STUDY_SORT_COLUMNS)[number];
