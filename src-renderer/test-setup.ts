import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { setApi } from './lib/api';

afterEach(() => {
  cleanup();
  setApi(null);
});
