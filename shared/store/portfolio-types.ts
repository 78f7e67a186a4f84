/** Types of the saved comparisons and portfolios (.somp files): what the compare.* channels answer. */
import type { SompDocument } from '../som/somp';

/** One saved comparison in the store folder (one `.somp` file). */
export interface PortfolioEntry {
  /** Opaque id (hex); valid only while the file keeps its name in the current store folder. */
  id: string;
  fileName: string;
  /** The comparison's name (the file name without .somp when the file cannot be read). */
  name: string;
  /** The names of the calculations in it. */
  members: string[];
  savedAt: string;
  size: number;
  /** Danish message when the file is not a valid .somp file (listed with a warning, not opened). */
  error: string | null;
}

export interface OpenedPortfolio {
  id: string;
  fileName: string;
  doc: SompDocument;
}

export interface SavedPortfolio {
  id: string;
  fileName: string;
  savedAt: string;
  /** The document exactly as written. */
  doc: SompDocument;
}
