/**
 * The one place where the Electron app builds Deps (the web host has src-main/web/deps-web.ts).
 * No Electron import: main.ts passes plain values (paths from app.getPath / resources).
 *
 * better-sqlite3: every database (knowledge, user db, knowledge import) is opened through the
 * default binding lookup; in development main.ts first aliases that lookup to the Electron-ABI
 * build (native-binding.ts), so none of the factories needs a nativeBinding parameter.
 */
import { mkdirSync } from 'node:fs';
import type { Deps } from '../deps';
import type { PdfRenderer, ReportPrinter } from '../report/pdf';
import { createKnowledgeDeps } from '../knowledge/service';
import { createStoreDeps } from '../store/deps';

export interface ElectronDepsOptions {
  appName: string;
  appVersion: string;
  /** app.getPath('userData') (or portable-data/userData): user database, recovery, settings. */
  userDataDir: string;
  /** Documents/SØM (or portable-data/SØM): the user's .som file store. */
  fileStoreDir: string;
  /** The shipped knowledge.sqlite (resources/ when packaged, the project root in development). */
  knowledgePath: string;
  /** The example calculations (resources/examples when packaged, data/examples in development). */
  examplesDir: string;
  /** Report PDFs via Electron's printToPDF (pdf-electron.ts); main passes it, tests may leave it out. */
  pdf?: PdfRenderer;
  /** Udskriv rapport via the OS print dialog (pdf-electron.ts createElectronReportPrinter). */
  printer?: ReportPrinter;
  /** The native folder dialog for "Skift mappe" (dialogs.ts showChooseFolder). */
  chooseFolder?: () => Promise<string | null>;
}

/** Reads a .som file at an absolute path through the store and returns the id the renderer uses. */
export type SomImporter = (absPath: string) => Promise<{ id: string; name: string }>;

export interface ElectronDeps {
  deps: Deps;
  importSomFile: SomImporter;
  /** The same for a .somp (a saved comparison); the id is the comparison's. */
  importSompFile: SomImporter;
  close(): void;
}

export function createElectronDeps(opts: ElectronDepsOptions): ElectronDeps {
  mkdirSync(opts.userDataDir, { recursive: true });
  mkdirSync(opts.fileStoreDir, { recursive: true });
  const knowledgeDeps = createKnowledgeDeps({ shippedPath: opts.knowledgePath, userDataDir: opts.userDataDir });
  const { store } = createStoreDeps({
    documentsDir: opts.fileStoreDir,
    userDataDir: opts.userDataDir,
    examplesDir: opts.examplesDir,
    appLabel: `${opts.appName} ${opts.appVersion}`,
  });
  const deps: Deps = {
    appName: opts.appName,
    appVersion: opts.appVersion,
    host: 'electron',
    userDataDir: opts.userDataDir,
    ...knowledgeDeps,
    store,
    ...(opts.chooseFolder ? { chooseFolder: opts.chooseFolder } : {}),
    ...(opts.pdf ? { pdf: opts.pdf } : {}),
    ...(opts.printer ? { printer: opts.printer } : {}),
  };
  return {
    deps,
    importSomFile: async (absPath) => store.importFromPath(absPath),
    importSompFile: async (absPath) => store.portfolioImportFromPath(absPath),
    close() {
      void opts.pdf?.close();
      void knowledgeDeps.knowledgeQueries.close();
      knowledgeDeps.knowledge.close();
      knowledgeDeps.userDb.close();
    },
  };
}
