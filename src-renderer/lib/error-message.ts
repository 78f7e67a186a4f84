/**
 * The text to show for a thrown value. Main's errors arrive as ApiError whose message is already
 * Danish and user-facing; the engine and the file readers throw Errors with Danish messages too.
 * Anything else (a string, a rejected non-Error) is shown as text, or as `fallback` when given.
 */
export function errorMessage(e: unknown, fallback?: string): string {
  if (e instanceof Error) return e.message;
  if (fallback !== undefined) return fallback;
  return typeof e === 'string' ? e : String(e);
}
