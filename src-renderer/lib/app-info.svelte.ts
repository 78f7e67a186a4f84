import type { AppInfo } from '../../shared/ipc';
import { call } from './api';
import { errorMessage } from './error-message';

/** The app's identity (version, knowledge release, host), loaded once. */
export class AppInfoState {
  info = $state<AppInfo | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.info = await call('app.info', {});
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }
}

export const appInfo = new AppInfoState();
