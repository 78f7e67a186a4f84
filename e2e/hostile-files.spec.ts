/**
 * Hostile .som files imported through the file input of the overview (real handlers): each one is
 * refused with a Danish message naming the problem, and the store folder stays byte-for-byte unchanged.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { hostileFiles, validExampleText } from '../src-main/store/hostile-files';
import { safeBaseName } from '../shared/store/filenames';

function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      h.update(path.relative(dir, p) + '\u0000');
      if (statSync(p).isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

test('every hostile file is refused in Danish and the store is unchanged', async ({ app, host }) => {
  test.setTimeout(120_000);
  host.deps.store.importText('Gyldig.som', validExampleText());
  await app.reload();
  await expect(app.getByRole('button', { name: /^Åbn ICM/ })).toBeVisible();
  const before = hashTree(host.documentsDir);
  const input = app.getByLabel('Importér .som-fil …');
  const files = hostileFiles();
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const f of files) {
    // eslint-disable-next-line no-control-regex
    const name = f.fileName.replace(/[/\\\u0000]/g, '_');
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) });
    const alert = app.getByRole('alert');
    // the message names this file (so it is not the previous file's alert)
    await expect(alert, f.title).toContainText(`Filen «${safeBaseName(name)}.som» kan ikke importeres.`);
    const text = (await alert.textContent()) ?? '';
    expect(text, f.title).not.toMatch(/undefined|TypeError|SyntaxError|Unexpected token|\[object/);
    expect(hashTree(host.documentsDir), f.title).toBe(before);
    await expect(app.getByText('1 af 1 gemte beregninger')).toBeVisible();
  }
  // a valid file after all that still imports
  await input.setInputFiles({ name: 'God.som', mimeType: 'application/json', buffer: Buffer.from(validExampleText()) });
  await expect(app.getByRole('status')).toContainText('Importeret: ICM til hjemløse (kursuscase 1)');
  await expect(app.getByText('2 af 2 gemte beregninger')).toBeVisible();
});

test('a bad file already in the folder is listed with a warning, and drag-and-drop imports', async ({ app, host }) => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(host.documentsDir, 'Ødelagt.som'), '{"format":"som"');
  await app.reload();
  await expect(app.getByText('⚠ Kan ikke åbnes. Filen er beskadiget eller lavet med en nyere version af SØM Desktop.')).toBeVisible();
  await expect(app.getByText(/Detaljer: Filen er ikke en gyldig SØM-fil/)).toBeVisible();
  // drop a file anywhere on the window
  const dt = await app.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'Trukket.som', { type: 'application/json' }));
    return d;
  }, validExampleText());
  await app.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await app.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(app.getByRole('status')).toContainText('Importeret: ICM til hjemløse (kursuscase 1)');
  expect(readdirSync(host.documentsDir).filter((n) => n.endsWith('.som')).sort()).toEqual(['Trukket.som', 'Ødelagt.som']);
});
