/**
 * Values the build (scripts/bundle-options.mjs, esbuild `define`) writes into the main bundle.
 * Outside a bundle (vitest, tsx) they are absent unless a test sets them on globalThis.
 */
declare const __SOM_KNOWLEDGE_SHA256__: string | undefined;

/** SHA-256 of the knowledge.sqlite the app was built with, or null when not embedded. */
export function embeddedKnowledgeSha256(): string | null {
  return typeof __SOM_KNOWLEDGE_SHA256__ === 'string' ? __SOM_KNOWLEDGE_SHA256__ : null;
}

/** The esbuild define key (kept next to its reader so the two cannot drift apart). */
export const KNOWLEDGE_SHA256_DEFINE = '__SOM_KNOWLEDGE_SHA256__';
