/**
 * When the world refuses an MFA code, the learner should learn whether the code was wrong or only
 * off in time (a phone whose clock and the world's differ). AWS's own error text stays as AWS
 * words it; this adds a sentence beside it when the code belongs to a nearby time.
 */
import type { WorldSession } from './world-session.svelte.ts';
import { clockTime } from './world-clock.ts';

/** The error texts of a refused MFA code (STS, IAM EnableMFADevice). */
const REFUSED = /invalid MFA one time pass code|Authentication code for device is not valid/;

/** The six-digit codes a command line passes (token code, authentication codes) plus a prompted one. */
export function codesIn(line: string, prompted?: string): string[] {
  const found = [...line.matchAll(/--(?:token-code|authentication-code[12]|serial-number-code)[ =]'?(\d{6})'?/g)].map((m) => m[1]!);
  return prompted ? [prompted, ...found] : found;
}

/** A sentence explaining a code refused for clock skew, or null when the refusal is not about time. */
export async function skewHint(session: WorldSession, line: string, stderr: string, prompted?: string): Promise<string | null> {
  if (!REFUSED.test(stderr)) return null;
  for (const code of codesIn(line, prompted)) {
    const result = await session.read((api) => api.mfaSkew(session.name, code));
    if (!result.ok || !result.value) continue;
    const { offsetSeconds, worldTime } = result.value;
    const when = clockTime(worldTime);
    const apart = formatSeconds(Math.abs(offsetSeconds));
    return offsetSeconds > 0
      ? `Refused for clock skew: the code ${code} is right for about ${apart} after the world's clock (${when} UTC), and AWS accepts a code only within about 30 seconds of its own time. The world clock now follows real time; type the code your authenticator shows now.`
      : `Refused for clock skew: the code ${code} is right for about ${apart} before the world's clock (${when} UTC) — the world was moved ahead (for example with "Skip 30 s"). Use the code shown on this page, or wait for your authenticator to catch up.`;
  }
  return null;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}
