/**
 * Calls on the web host's API from a spec (as window.api does, with the run's token), and a golden
 * fixture imported into the file store through it.
 */
import { parseSom } from '../shared/som/io';
import type { SomDocument } from '../shared/som/schema';
import { readGolden } from '../test-support/golden';

export interface HostAddress {
  origin: string;
  token: string;
}

/** One channel call; a refusal throws with main's message. */
export async function hostCall<T>(host: HostAddress, channel: string, args: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-som-token': host.token },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(body.error.message);
  return body.value;
}

/** `../shared/fixtures/golden/<name>.som` imported into the store: its id and name, and the document. */
export async function importGolden(host: HostAddress, name: string): Promise<{ id: string; name: string; doc: SomDocument }> {
  const text = readGolden(`${name}.som`);
  const entry = await hostCall<{ id: string; name: string }>(host, 'store.importFile', { fileName: `${name}.som`, text });
  return { ...entry, doc: parseSom(text) };
}
