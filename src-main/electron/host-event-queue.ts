/**
 * Main-side sender of host events: pushes are queued per event name until the renderer has
 * subscribed (HOST_EVENT_READY_CHANNEL), then delivered in order. A reload resets readiness.
 */
import { HOST_EVENT_NAMES, hostEventChannel, type HostEventName, type HostEventPayloads } from '../../shared/host-events';

const MAX_QUEUED = 20;

export class HostEventQueue {
  private readonly ready = new Set<HostEventName>();
  private readonly queued = new Map<HostEventName, unknown[]>();

  constructor(private readonly post: (channel: string, payload: unknown) => void) {}

  send<E extends HostEventName>(name: E, payload: HostEventPayloads[E]): void {
    if (this.ready.has(name)) {
      this.post(hostEventChannel(name), payload);
      return;
    }
    const list = this.queued.get(name) ?? [];
    list.push(payload);
    if (list.length > MAX_QUEUED) list.shift();
    this.queued.set(name, list);
  }

  /** The renderer listens for `name` now (unknown names are ignored). */
  markReady(name: unknown): void {
    if (typeof name !== 'string' || !(HOST_EVENT_NAMES as readonly string[]).includes(name)) return;
    const n = name as HostEventName;
    this.ready.add(n);
    const list = this.queued.get(n) ?? [];
    this.queued.delete(n);
    for (const payload of list) this.post(hostEventChannel(n), payload);
  }

  /** Whether the renderer currently listens for `name`. */
  isReady(name: HostEventName): boolean {
    return this.ready.has(name);
  }

  /** The page (re)loaded: nobody listens until it subscribes again. */
  reset(): void {
    this.ready.clear();
  }
}
