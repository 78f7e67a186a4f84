import type { AppInfo } from '../../shared/ipc';
import { call } from './api';

/** The app's identity (version, knowledge release, host), loaded once. */
export class AppInfoState {
  info = $state<AppInfo | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.info = await call('app.info', {});
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }
}

export const appInfo = new AppInfoState();
