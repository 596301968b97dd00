/**
 * Which URLs the e2e guard (fixtures.ts) treats as leaving the site, as a pattern Playwright can
 * match itself (a predicate would be asked about every module the page loads).
 */

/** Every http(s) and ws(s) URL that is not on `origin` (blob:, data: and the origin itself do not match). */
export function offOrigin(origin: string): RegExp {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^(?!${escaped}(?:[/?#]|$))(?:https?|wss?):`, 'i');
}
