import { describe, expect, it } from 'vitest';
import { LatestRequest, type Outcome } from './latest-request.svelte';

/** A promise the test settles by hand, to answer requests out of order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LatestRequest', () => {
  it('an older answer arriving after a newer one is dropped; loading follows the newest request', async () => {
    const req = new LatestRequest();
    const first = deferred<string>();
    const second = deferred<string>();
    let shown = '';
    const apply = (o: Outcome<string>) => {
      if (o.status === 'done') shown = o.value;
      return o.status;
    };
    const a = req.run(() => first.promise).then(apply);
    const b = req.run(() => second.promise).then(apply);
    expect(req.loading).toBe(true);
    second.resolve('nyeste filter');
    expect(await b).toBe('done');
    expect(req.loading).toBe(false);
    first.resolve('gammelt filter');
    expect(await a).toBe('superseded');
    expect(shown).toBe('nyeste filter');
    expect(req.loading).toBe(false);
  });

  it('an older request that answers first is still dropped, and loading stays on until the newest answers', async () => {
    const req = new LatestRequest({ loading: true });
    const first = deferred<number>();
    const second = deferred<number>();
    const a = req.run(() => first.promise);
    const b = req.run(() => second.promise);
    first.resolve(1);
    expect(await a).toEqual({ status: 'superseded' });
    expect(req.loading).toBe(true);
    second.resolve(2);
    expect(await b).toEqual({ status: 'done', value: 2 });
    expect(req.loading).toBe(false);
  });

  it("a superseded request's error is not reported; the newest one's is", async () => {
    const req = new LatestRequest();
    const first = deferred<number>();
    const second = deferred<number>();
    const a = req.run(() => first.promise);
    const b = req.run(() => second.promise);
    first.reject(new Error('gammel fejl'));
    second.reject(new Error('ny fejl'));
    expect(await a).toEqual({ status: 'superseded' });
    const out = await b;
    expect(out.status).toBe('failed');
    expect(out.status === 'failed' && (out.error as Error).message).toBe('ny fejl');
  });

  it("a task with several calls sees ticket.current turn false and its signal abort when a newer run starts", async () => {
    const req = new LatestRequest();
    const gate = deferred<void>();
    const seen: boolean[] = [];
    let aborted = false;
    const a = req.run(async (t) => {
      t.signal.addEventListener('abort', () => (aborted = true));
      seen.push(t.current);
      await gate.promise;
      seen.push(t.current);
      return 'x';
    });
    const b = req.run(async () => 'y');
    gate.resolve();
    expect(await a).toEqual({ status: 'superseded' });
    expect(await b).toEqual({ status: 'done', value: 'y' });
    expect(seen).toEqual([true, false]);
    expect(aborted).toBe(true);
  });

  it('cancel drops the request on its way', async () => {
    const req = new LatestRequest();
    const d = deferred<number>();
    const a = req.run(() => d.promise);
    req.cancel();
    expect(req.loading).toBe(false);
    d.resolve(5);
    expect(await a).toEqual({ status: 'superseded' });
  });
});
