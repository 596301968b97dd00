/**
 * Denied checks the worker keeps for "What would allow it?" on answers that do not carry the
 * engine's request back to the page (the console's AccessDenied banners): each denied check gets a
 * short id; the newest 50 are kept, so an old banner says the check is no longer held.
 */
import type { AuthorizationRequest } from '../sim/evaluate/types.ts';

const KEPT = 50;
const held = new Map<string, AuthorizationRequest>();
let next = 1;

/** Keeps a denied check's request; answers its id. */
export function rememberDenial(request: AuthorizationRequest): string {
  const id = `denial-${next++}`;
  held.set(id, request);
  for (const old of held.keys()) {
    if (held.size <= KEPT) break;
    held.delete(old);
  }
  return id;
}

/** The request behind an id, while it is still held. */
export function rememberedDenial(id: string): AuthorizationRequest | undefined {
  return held.get(id);
}
