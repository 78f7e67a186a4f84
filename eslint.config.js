import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  // Process layering, enforced: shared/ is pure (no Node, no Electron, no DOM-only app code),
  // the renderer never imports main, and only src-main/electron may import electron.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*', 'fs', 'path', 'better-sqlite3', '../src-main/*', '../src-renderer/*', '../../src-main/*', '../../src-renderer/*'], message: 'shared/ is pure: no I/O, no Electron, no process-specific code.' },
      ] }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*', 'fs', 'better-sqlite3', '**/src-main/**'], message: 'The renderer talks to main only through window.api.' },
      ] }],
    },
  },
  // Keyboard handlers are attached to their element (lib/keydown.ts), never handed to Svelte's
  // root listener, which would walk the path of every digit typed in the wizard.
  {
    files: ['src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'SvelteAttribute[key.name="onkeydown"], SvelteShorthandAttribute[key.name="onkeydown"]',
        message: 'Use {@attach keydown(handler)} from lib/keydown.ts: an onkeydown attribute puts a listener on the app root that runs on every keystroke.',
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron'], message: 'Only src-main/electron/ may import electron; handlers are plain functions.' },
      ] }],
    },
  },
);
