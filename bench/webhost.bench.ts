import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost } from '../src-main/web/server';
import { measure, type Figure } from './measure';

/** Round trip of one bridge call (app.info) through the web host. */
export default async function (): Promise<Record<string, Figure>> {
  const host = await startWebHost({ userDataDir: mkdtempSync(path.join(os.tmpdir(), 'som-bench-')), documentsDir: mkdtempSync(path.join(os.tmpdir(), 'som-bench-')) });
  try {
    const fig = await measure(async () => {
      const res = await fetch(`${host.origin}/api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-som-token': host.token }, body: '{}' });
      await res.json();
    }, 300, 30);
    return { 'webhost.bridge-call': fig };
  } finally {
    await host.close();
  }
}
