/**
 * Everything a handler may use, injected. No Electron import here or in handlers:
 * the Electron shell and the web host build Deps their own way, tests build them directly.
 */
import type { KnowledgeDeps } from './knowledge/deps';
import type { StoreDeps } from './store/deps';
import type { ReportDeps } from './report/deps';

export interface HostDeps {
  appName: string;
  appVersion: string;
  host: 'electron' | 'web';
  /** Writable per-user folder: user database, recovery area, settings. */
  userDataDir: string;
}

export interface Deps extends HostDeps, KnowledgeDeps, StoreDeps, ReportDeps {}
