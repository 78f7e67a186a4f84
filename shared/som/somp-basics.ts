/**
 * The .somp document and its constants without the reader (somp.ts re-exports them): what a
 * comparison needs to hold and write one, without loading the schemas.
 */
import type { CompareBasis } from '../engine/compare-basis';
import type { SomDocument } from './schema';

export const SOMP_FORMAT = 'somp';
export const SOMP_FORMAT_VERSION = 1;
/** Maximum size of a .somp file in UTF-8 bytes (20 MiB). */
export const MAX_SOMP_BYTES = 20 * 1024 * 1024;

export interface SompDocument {
  format: 'somp';
  formatVersion: 1;
  createdWith: string;
  savedAt: string;
  name: string;
  basis: CompareBasis;
  members: SomDocument[];
  report?: { text: string };
}

/** A new portfolio document of `members` on `basis`. */
export function createSomp(opts: {
  name: string;
  basis: CompareBasis;
  members: SomDocument[];
  createdWith?: string;
  savedAt?: string;
  reportText?: string;
}): SompDocument {
  const doc: SompDocument = {
    format: SOMP_FORMAT,
    formatVersion: SOMP_FORMAT_VERSION,
    createdWith: opts.createdWith ?? 'SØM Desktop',
    savedAt: opts.savedAt ?? new Date().toISOString(),
    name: opts.name,
    basis: { ...opts.basis },
    members: opts.members,
  };
  if (opts.reportText !== undefined && opts.reportText !== '') doc.report = { text: opts.reportText };
  return doc;
}
