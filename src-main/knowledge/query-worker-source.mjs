// Starts the knowledge query worker from its TypeScript source (development, web host, tests):
// registers tsx in this thread, then loads the worker. The built app starts the bundled .cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./query-worker.ts');
