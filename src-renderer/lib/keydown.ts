import type { Attachment } from 'svelte/attachments';
import { on } from 'svelte/events';

/**
 * A keydown listener on the element itself: `<ul {@attach keydown(handler)}>`.
 *
 * Svelte hands an `onkeydown` attribute to one listener at the app's root, which then walks every
 * keystroke's path looking for handlers, also for a digit typed in a wizard field far from any of
 * them. The app's keyboard handlers (dialogs, tabs, lists, tables) are attached here instead, so a
 * keystroke costs only the listeners on its own path. All of them must be: a handler left on the
 * root would run after these, and a dialog's stopPropagation (Escape) would no longer keep it out.
 */
export function keydown(handler: (e: KeyboardEvent) => void): Attachment<HTMLElement> {
  return (node) => on(node, 'keydown', handler);
}
