/**
 * "Latest request wins": a page that asks main again whenever a filter changes may get the answers
 * back in another order than it asked. Each `run` supersedes the runs before it: their signal is
 * aborted and their outcome is 'superseded', so an older answer never overwrites a newer one.
 * `loading` is true from the newest run's start until it settles.
 */

/** One run: `current` stays true until a newer run starts (or `cancel`). */
export interface Ticket {
  readonly current: boolean;
  readonly signal: AbortSignal;
}

export type Outcome<T> = { status: 'done'; value: T } | { status: 'failed'; error: unknown } | { status: 'superseded' };

export class LatestRequest {
  loading = $state(false);
  #seq = 0;
  #controller: AbortController | null = null;

  constructor(opts: { loading?: boolean } = {}) {
    this.loading = opts.loading ?? false;
  }

  /**
   * Runs `task` as the newest request. A task that makes several calls in a row checks
   * `ticket.current` between them and stops when it turned false.
   */
  async run<T>(task: (ticket: Ticket) => Promise<T>): Promise<Outcome<T>> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const seq = ++this.#seq;
    const ticket: Ticket = {
      get current() {
        return !controller.signal.aborted;
      },
      signal: controller.signal,
    };
    this.loading = true;
    try {
      const value = await task(ticket);
      return seq === this.#seq && ticket.current ? { status: 'done', value } : { status: 'superseded' };
    } catch (error) {
      return seq === this.#seq && ticket.current ? { status: 'failed', error } : { status: 'superseded' };
    } finally {
      if (seq === this.#seq && ticket.current) {
        this.loading = false;
        this.#controller = null;
      }
    }
  }

  /** Drops the run on its way, if any (e.g. when the page closes): its answer is not used. */
  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#seq++;
    this.loading = false;
  }
}
