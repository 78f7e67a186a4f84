// Starts the TypeScript import worker from source (tsx, vitest); the built app uses its bundle.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
