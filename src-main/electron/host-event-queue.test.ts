import { describe, expect, it } from 'vitest';
import { HostEventQueue } from './host-event-queue';

describe('HostEventQueue', () => {
  it('queues until the renderer subscribes, then delivers in order', () => {
    const sent: [string, unknown][] = [];
    const q = new HostEventQueue((c, p) => sent.push([c, p]));
    q.send('open-file', { ok: true, id: '1', name: 'a.som' });
    q.send('open-file', { ok: false, message: 'Fejl' });
    q.send('menu', { command: 'file.new' });
    expect(sent).toEqual([]);
    q.markReady('open-file');
    expect(sent).toEqual([
      ['host-event:open-file', { ok: true, id: '1', name: 'a.som' }],
      ['host-event:open-file', { ok: false, message: 'Fejl' }],
    ]);
    q.send('open-file', { ok: true, id: '2', name: 'b.som' });
    expect(sent).toHaveLength(3);
  });

  it('ignores unknown names and forgets readiness on reload', () => {
    const sent: unknown[] = [];
    const q = new HostEventQueue((c, p) => sent.push([c, p]));
    q.markReady('evil');
    q.markReady(42);
    q.markReady('menu');
    expect(q.isReady('menu')).toBe(true);
    q.reset();
    expect(q.isReady('menu')).toBe(false);
    q.send('menu', { command: 'file.save' });
    expect(sent).toEqual([]);
    q.markReady('menu');
    expect(sent).toEqual([['host-event:menu', { command: 'file.save' }]]);
  });

  it('bounds the queue', () => {
    const sent: unknown[] = [];
    const q = new HostEventQueue((c, p) => sent.push(p));
    for (let i = 0; i < 50; i++) q.send('menu', { command: 'file.new' });
    q.markReady('menu');
    expect(sent.length).toBe(20);
  });
});
