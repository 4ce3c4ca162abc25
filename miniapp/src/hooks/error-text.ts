/** The one line shown for an error: an ApiError's message is already Chinese and fit to show. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
