/**
 * Test harness (not part of the app build): mounts ResultsView for a calculation in the file
 * store, '#/<store id>'. Built by build-harness.ts into .cache/results-harness and served by a
 * web host with real handlers; used by e2e/results.spec.ts and screenshots.
 */
import { mount } from 'svelte';
import '../../styles/app.css';
import Harness from './Harness.svelte';

mount(Harness, { target: document.getElementById('app')! });
