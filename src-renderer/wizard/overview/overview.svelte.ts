/**
 * State of the Oversigt page: the saved calculations (search, sort, rename), the recovery area,
 * the trash and the examples, the store folder, and the import of .som files.
 * The panels of ./Overview.svelte read and change it.
 */
import { call } from '../../lib/api';
import type { ExampleEntry, RecoveryEntry, StoreEntry, TrashEntry } from '../../../shared/store/types';
import { session } from '../session.svelte';
import { downloadText } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';

export type SortKey = 'name' | 'targetGroup' | 'startYear' | 'savedAt' | 'knowledgeRelease';
export const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Navn' },
  { key: 'targetGroup', label: 'Målgruppe' },
  { key: 'startYear', label: 'Startår' },
  { key: 'savedAt', label: 'Sidst gemt' },
  { key: 'knowledgeRelease', label: 'Vidensdatabase' },
];

/** The file's bytes (FileReader: works in every renderer, also jsdom). */
function readBytes(f: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(new Error(`Filen «${f.name}» kunne ikke læses.`));
    r.readAsArrayBuffer(f);
  });
}

export class OverviewState {
  entries: StoreEntry[] = $state([]);
  trash: TrashEntry[] = $state([]);
  recovery: RecoveryEntry[] = $state([]);
  examples: ExampleEntry[] = $state([]);
  folder: string | null = $state(null);
  folderIsDefault = $state(true);
  loaded = $state(false);
  error: string | null = $state(null);
  status: string | null = $state(null);
  query = $state('');
  sortKey: SortKey = $state('savedAt');
  sortDir: 'asc' | 'desc' = $state('desc');
  renaming: string | null = $state(null);
  renameText = $state('');

  /** The saved calculations that match the search, in the chosen order. */
  readonly shown = $derived.by(() => {
    const q = this.query.trim().toLocaleLowerCase('da');
    const rows = q
      ? this.entries.filter((e) => [e.name, e.fileName, e.targetGroup ?? '', String(e.startYear ?? '')].some((s) => s.toLocaleLowerCase('da').includes(q)))
      : [...this.entries];
    const dir = this.sortDir === 'asc' ? 1 : -1;
    const key = this.sortKey;
    return rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'da')) * dir;
    });
  });
  /** The calculation being edited, when it has unsaved changes. */
  readonly unsavedHere = $derived(session.current?.dirty ? session.current : null);
  /** Recovered work, apart from the calculation being edited now. */
  readonly recoveryShown = $derived(this.recovery.filter((r) => r.key !== session.current?.recoveryKey));

  async refresh(): Promise<void> {
    try {
      [this.entries, this.trash, this.recovery, this.examples] = await Promise.all([
        call('store.list', {}),
        call('store.trashList', {}),
        call('store.recoveryList', {}),
        call('store.examples', {}),
      ]);
      const settings = await call('store.settings', {});
      this.folder = settings.folder;
      this.folderIsDefault = settings.isDefault;
      this.loaded = true;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  /** Skift mappe (native dialog in the desktop app) or back to the default folder. */
  async changeFolder(reset: boolean): Promise<void> {
    this.error = null;
    try {
      const r = await call('store.chooseFolder', { reset });
      if (r.changed) {
        this.status = reset ? 'Beregningerne hentes igen fra standardmappen.' : `Beregningerne hentes nu fra ${r.folder}.`;
        await this.refresh();
      }
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  sortBy(k: SortKey): void {
    if (this.sortKey === k) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = k;
      this.sortDir = k === 'savedAt' ? 'desc' : 'asc';
    }
  }

  /** Runs an action, shows its message (or its error), and lists the store again. */
  async act(fn: () => Promise<string | void>): Promise<void> {
    this.error = null;
    this.status = null;
    try {
      const msg = await fn();
      if (msg) this.status = msg;
    } catch (e) {
      this.error = errorMessage(e);
    }
    await this.refresh();
  }

  async importFiles(files: File[]): Promise<void> {
    this.error = null;
    this.status = null;
    const done: string[] = [];
    const failed: string[] = [];
    // The file rules (and the schemas behind them) load with the first import, not with Oversigt.
    const { MAX_SOM_BYTES, SomFileError, decodeSomBytes, refusedFile, somTooBigError } = await import('../../../shared/som/io');
    for (const f of files) {
      try {
        if (f.size > MAX_SOM_BYTES) throw refusedFile(somTooBigError(), f.name, 'importeres');
        let text: string;
        try {
          // Strict UTF-8 (a .som file is UTF-8 JSON); File.text() would guess other encodings.
          text = decodeSomBytes(await readBytes(f));
        } catch (e) {
          throw e instanceof SomFileError ? refusedFile(e, f.name, 'importeres') : e;
        }
        const e = await call('store.importFile', { fileName: f.name, text });
        done.push(e.name);
      } catch (e) {
        failed.push(errorMessage(e));
      }
    }
    if (done.length) this.status = `Importeret: ${done.join(', ')}.`;
    if (failed.length) this.error = failed.join('\n\n');
    await this.refresh();
  }

  async exportEntry(e: StoreEntry): Promise<void> {
    await this.act(async () => {
      const f = await call('store.exportFile', { id: e.id });
      downloadText(f.fileName, f.text, 'application/json');
      return `«${f.fileName}» er eksporteret.`;
    });
  }

  startRename(e: StoreEntry): void {
    this.renaming = e.id;
    this.renameText = e.name;
  }

  async rename(e: StoreEntry): Promise<void> {
    await this.act(async () => {
      const r = await call('store.rename', { id: e.id, name: this.renameText });
      this.renaming = null;
      if (session.current?.id === e.id && !session.current.dirty) session.current = null;
      return `Omdøbt til «${r.name}».`;
    });
  }
}
