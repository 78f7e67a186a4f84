/**
 * An edit conflict through the web host and the real handlers: a calculation is opened, the file is
 * changed on disk behind the app's back (as a colleague on a shared folder would), Gem asks the Danish
 * question, and each answer leaves the files on disk as it says.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseSom, serializeSom } from '../shared/som/io';

const NAME = 'ICM til hjemløse (kursuscase 1)';
const FILE = `${NAME}.som`;
const MINE = 'Min ændring i vinduet';
const THEIRS = 'Kollegaens ændring på det fælles drev';
const SHOTS = process.env.SOM_SHOTS_DIR;

const somFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.som')).sort();
const description = (file: string) => parseSom(readFileSync(file, 'utf8')).intervention.description;

/** Opens the example, edits it in the app, then a colleague saves the file on disk; Gem meets the question. */
async function conflictAfterGem(app: Page, docs: string): Promise<void> {
  await app.reload();
  await app.getByRole('button', { name: `Åbn ${NAME}` }).click();
  await app.getByRole('button', { name: 'Behold filens værdier' }).click();
  await app.getByLabel('Beskrivelse af indsats').fill(MINE);
  await expect(app.getByText('Ændringer er ikke gemt')).toBeVisible();

  const file = path.join(docs, FILE);
  const doc = parseSom(readFileSync(file, 'utf8'));
  writeFileSync(file, serializeSom({ ...doc, intervention: { ...doc.intervention, description: THEIRS } }));

  await app.getByRole('button', { name: 'Gem', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Filen er ændret af en anden' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Filen «${FILE}» er blevet ændret af en anden (eller på en anden computer), siden du åbnede den.`);
  for (const name of ['Gem min som kopi', 'Hent den anden udgave', 'Overskriv', 'Annullér']) {
    await expect(dialog.getByRole('button', { name })).toBeVisible();
  }
  if (SHOTS) await app.screenshot({ path: path.join(SHOTS, 'save-conflict-dialog.png') });
  // Nothing was written yet: the colleague's version is on disk.
  expect(description(file)).toBe(THEIRS);
  expect(somFiles(docs)).toEqual([FILE]);
}

test.describe('Gem when the file changed on disk', () => {
  test.beforeEach(({ host }) => {
    host.deps.store.createFromExample('icm-hjemloese');
  });

  test('Gem min som kopi: my version becomes a new file, theirs stays', async ({ app, host }) => {
    await conflictAfterGem(app, host.documentsDir);
    await app.getByRole('button', { name: 'Gem min som kopi' }).click();
    await expect(app.getByRole('dialog', { name: 'Filen er ændret af en anden' })).toHaveCount(0);
    const copy = `${NAME} (min udgave).som`;
    await expect.poll(() => somFiles(host.documentsDir)).toEqual([copy, FILE].sort());
    expect(description(path.join(host.documentsDir, copy))).toBe(MINE);
    expect(parseSom(readFileSync(path.join(host.documentsDir, copy), 'utf8')).intervention.name).toBe(`${NAME} (min udgave)`);
    expect(description(path.join(host.documentsDir, FILE))).toBe(THEIRS);
    await expect(app.getByText('Ændringer er ikke gemt')).toHaveCount(0);
    // The window now shows the copy; the overview lists both under their own names.
    await expect(app.getByLabel('Indsatsens navn')).toHaveValue(`${NAME} (min udgave)`);
    await app.getByRole('link', { name: 'Oversigt' }).click();
    await expect(app.getByRole('button', { name: `Åbn ${NAME} (min udgave)` })).toBeVisible();
    await expect(app.getByRole('button', { name: `Åbn ${NAME}`, exact: true })).toBeVisible();
  });

  test('Hent den anden udgave: theirs replaces mine in the window, nothing is written', async ({ app, host }) => {
    await conflictAfterGem(app, host.documentsDir);
    const before = readFileSync(path.join(host.documentsDir, FILE), 'utf8');
    await app.getByRole('button', { name: 'Hent den anden udgave' }).click();
    await expect(app.getByRole('dialog', { name: 'Filen er ændret af en anden' })).toHaveCount(0);
    await expect(app.getByLabel('Beskrivelse af indsats')).toHaveValue(THEIRS);
    await expect(app.getByText('Ændringer er ikke gemt')).toHaveCount(0);
    expect(somFiles(host.documentsDir)).toEqual([FILE]);
    expect(readFileSync(path.join(host.documentsDir, FILE), 'utf8')).toBe(before);

    // Their version is now the base: an edit and Gem save without a question.
    await app.getByLabel('Beskrivelse af indsats').fill(`${THEIRS}, og min tilføjelse`);
    await app.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(app.getByRole('status').filter({ hasText: /Gemt/ })).toBeVisible();
    await expect(app.getByRole('dialog', { name: 'Filen er ændret af en anden' })).toHaveCount(0);
    await expect.poll(() => description(path.join(host.documentsDir, FILE))).toBe(`${THEIRS}, og min tilføjelse`);
  });

  test('Overskriv: my version replaces theirs, theirs is kept as the backup', async ({ app, host }) => {
    await conflictAfterGem(app, host.documentsDir);
    await app.getByRole('button', { name: 'Overskriv' }).click();
    await expect(app.getByRole('dialog', { name: 'Filen er ændret af en anden' })).toHaveCount(0);
    await expect.poll(() => description(path.join(host.documentsDir, FILE))).toBe(MINE);
    expect(somFiles(host.documentsDir)).toEqual([FILE]);
    const backup = path.join(host.documentsDir, '.backups', `${FILE}.bak`);
    expect(existsSync(backup)).toBe(true);
    expect(description(backup)).toBe(THEIRS);
    await expect(app.getByText('Ændringer er ikke gemt')).toHaveCount(0);
  });
});
