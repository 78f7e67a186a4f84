/**
 * The shipped knowledge.sqlite lies outside the asar archive (extraResources), so Electron's asar
 * integrity check does not cover it. The build embeds the file's SHA-256 in the main bundle
 * (scripts/bundle-options.mjs); at start main hashes the file and refuses to run on a different one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 (hex) of a file, streamed (no whole-file buffer, never blocks the event loop). */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

export type KnowledgeIntegrity = { ok: true; sha256: string } | { ok: false; reason: 'missing' | 'changed' | 'not-embedded'; message: string };

export const KNOWLEDGE_CHANGED_MESSAGE =
  'Vidensdatabasen (knowledge.sqlite i programmets mappe) er ikke den, der fulgte med denne version af SØM Desktop: ' +
  'den er ændret, beskadiget eller skiftet ud. Programmet starter ikke, så ingen beregning bygger på forkerte tal. ' +
  'Installér SØM Desktop igen (eller bed jeres IT-afdeling om det). Dine gemte beregninger og indstillinger bliver ikke rørt.';

export const KNOWLEDGE_MISSING_MESSAGE =
  'Vidensdatabasen (knowledge.sqlite i programmets mappe) mangler eller kan ikke læses. ' +
  'Installér SØM Desktop igen (eller bed jeres IT-afdeling om det). Dine gemte beregninger og indstillinger bliver ikke rørt.';

export const KNOWLEDGE_NOT_EMBEDDED_MESSAGE =
  'Programmet er bygget uden kontrolsummen for vidensdatabasen, så det kan ikke se, om databasen er den rigtige. ' +
  'Installér en officiel udgave af SØM Desktop.';

/** Compares the file's SHA-256 with the expected (embedded) value; every failure has a Danish message. */
export async function checkKnowledgeFile(file: string, expectedSha256: string | null): Promise<KnowledgeIntegrity> {
  if (expectedSha256 === null || !/^[0-9a-f]{64}$/.test(expectedSha256)) {
    return { ok: false, reason: 'not-embedded', message: KNOWLEDGE_NOT_EMBEDDED_MESSAGE };
  }
  let actual: string;
  try {
    actual = await sha256File(file);
  } catch {
    return { ok: false, reason: 'missing', message: KNOWLEDGE_MISSING_MESSAGE };
  }
  if (actual !== expectedSha256) return { ok: false, reason: 'changed', message: KNOWLEDGE_CHANGED_MESSAGE };
  return { ok: true, sha256: actual };
}
