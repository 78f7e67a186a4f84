/**
 * The JSON text of one object held in state, kept per member: each named member is turned into
 * text only when that member changed, and the object's text is put together from the members'
 * texts. A typed digit in the participants re-writes the participants (a few numbers), not the
 * target group, costs and effect beside them.
 *
 * The text is exactly `JSON.stringify(read())`: members in the object's own key order, members
 * whose value JSON leaves out (undefined, functions) left out, members not named at construction
 * written directly, and a value that is not a plain object (null, an array, a number) written whole.
 */
export class ObjectText {
  readonly #read: () => unknown;
  /** Set once, never changed (a lookup without a prototype: a key of an opened file can be any text). */
  readonly #members = Object.create(null) as Record<string, MemberText | undefined>;

  /** `read` reads the object from state; `keys` are the members kept apart (the schema's keys). */
  constructor(read: () => unknown, keys: readonly string[]) {
    this.#read = read;
    for (const k of keys) this.#members[k] = new MemberText(() => (this.#read() as Record<string, unknown>)[k]);
  }

  readonly text: string | undefined = $derived.by(() => {
    const value = this.#read();
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value) as string | undefined;
    const obj = value as Record<string, unknown>;
    let body = '';
    for (const k of Object.keys(obj)) {
      const member = this.#members[k];
      const t = member ? member.text : (JSON.stringify(obj[k]) as string | undefined);
      if (t === undefined) continue;
      body += (body === '' ? '' : ',') + JSON.stringify(k) + ':' + t;
    }
    return '{' + body + '}';
  });
}

/** The JSON text of one member, made again only when what it reads changed. */
class MemberText {
  readonly #read: () => unknown;
  constructor(read: () => unknown) {
    this.#read = read;
  }
  readonly text: string | undefined = $derived.by(() => JSON.stringify(this.#read()) as string | undefined);
}
