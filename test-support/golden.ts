/**
 * The golden fixtures for every test tier (vitest in node and jsdom, Playwright, the benches).
 *
 * They live in the specification folder `../shared/fixtures/golden`: the folder named `shared`
 * beside the checkout, not the repository's own `shared/` (the engine code). A test that needs
 * them and finds no such folder fails with a sentence saying where it must be.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSom } from '../shared/som/io';
import type { SomDocument } from '../shared/som/schema';

/** The checkout's root folder. */
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/fixtures/golden`, absolute. */
export const GOLDEN_DIR = path.resolve(checkout, '..', 'shared', 'fixtures', 'golden');

function requireGoldenDir(): string {
  if (!fs.existsSync(GOLDEN_DIR)) {
    throw new Error(
      `The golden fixtures are missing: expected ${GOLDEN_DIR}. The specification folder "shared" must sit beside ` +
        'the checkout (see README, "Before the first npm ci").',
    );
  }
  return GOLDEN_DIR;
}

/** The absolute path of a file in the golden folder, e.g. `goldenPath('icm-hjemloese.som')`. */
export function goldenPath(file: string): string {
  return path.join(requireGoldenDir(), file);
}

/** The names of the golden calculations (the `.som` files without their extension), sorted. */
export function goldenNames(): string[] {
  return fs
    .readdirSync(requireGoldenDir())
    .filter((f) => f.endsWith('.som'))
    .map((f) => f.slice(0, -'.som'.length))
    .sort();
}

/** A golden file's text (UTF-8), e.g. `readGolden('icm-hjemloese.som')`. */
export function readGolden(file: string): string {
  return fs.readFileSync(goldenPath(file), 'utf8');
}

/** A golden calculation, parsed: `goldenSom('icm-hjemloese')`. */
export function goldenSom(name: string): SomDocument {
  return parseSom(readGolden(`${name}.som`));
}

/** A golden calculation's expected figures (`<name>.expected.json`). */
export function goldenExpected<T = unknown>(name: string): T {
  return JSON.parse(readGolden(`${name}.expected.json`)) as T;
}
