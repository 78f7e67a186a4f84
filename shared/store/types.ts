/**
 * Types of the file store of .som files: what the store.* channels answer.
 * Pure types only. Ids are opaque; the renderer never sees a path.
 */
import type { SomDocument } from '../som/schema';

/** One saved calculation in the store folder (one `.som` file). */
export interface StoreEntry {
  /** Opaque id (hex); valid only while the file keeps its name in the current store folder. */
  id: string;
  fileName: string;
  /** Indsatsens navn (the file name without .som when the file cannot be read). */
  name: string;
  targetGroup: string | null;
  startYear: number | null;
  /** ISO time the file was saved (`savedAt`), or the file's modification time when unreadable. */
  savedAt: string;
  /** Vidensdatabase-udgave the values came from (`knowledge.release`), null when none. */
  knowledgeRelease: string | null;
  size: number;
  /** Danish message when the file is not a valid .som file (listed with a warning, not opened). */
  error: string | null;
}

export interface KnowledgeStamp {
  release: string;
  sha256: string;
}

/** What a file on disk was when it was opened or last saved: compared before it is overwritten. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface OpenedFile {
  id: string;
  fileName: string;
  doc: SomDocument;
  stamp: FileStamp;
  /** Danish warning when the file is close to the 5 MiB limit, else null. */
  sizeWarning: string | null;
  /** The file's knowledge stamp vs. the knowledge database in use now. */
  knowledge: {
    file: KnowledgeStamp | null;
    current: (KnowledgeStamp & { date: string }) | null;
    /** true when the file was made with another release (or has no stamp) and a current release exists. */
    differs: boolean;
  };
}

export interface SavedFile {
  id: string;
  fileName: string;
  /** The `savedAt` written into the file. */
  savedAt: string;
  /** The document exactly as written (savedAt and createdWith set by the store). */
  doc: SomDocument;
  stamp: FileStamp;
  /** Danish warning when the file is close to the 5 MiB limit, else null. */
  sizeWarning: string | null;
}

export interface TrashEntry {
  id: string;
  fileName: string;
  name: string;
  deletedAt: string;
}

export interface RecoveryEntry {
  key: string;
  /** Store id of the file the work belongs to, or null for a never-saved calculation. */
  fileId: string | null;
  fileName: string | null;
  name: string;
  savedAt: string;
  /** Danish message when the saved work cannot be read back (listed, never dropped silently). */
  error?: string;
}

export interface RecoveredWork {
  key: string;
  fileId: string | null;
  fileName: string | null;
  /** The stamp of the file the work came from when it was autosaved (null: none known). */
  stamp: FileStamp | null;
  doc: SomDocument;
}

export interface ExampleEntry {
  id: string;
  name: string;
  description: string;
  targetGroup: string;
  startYear: number;
}

export interface StoreSettingsInfo {
  /** The store folder, for display only (the renderer never sends paths back). */
  folder: string;
  isDefault: boolean;
}

export interface ExportedFile {
  fileName: string;
  text: string;
}
