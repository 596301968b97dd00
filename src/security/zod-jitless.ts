/**
 * Turns off zod's JIT: to compile fast object parsers zod first probes `new Function('')`, and under
 * the site's Content-Security-Policy (no 'unsafe-eval', src/security/csp.mjs) that probe is blocked
 * and reported as a `securitypolicyviolation` even though zod catches it and falls back. Browser
 * modules that parse with zod import this first; the instructor banner script (on every page)
 * imports it so it runs before any island hydrates. All zod entry points share one core config.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

/** True once imported (lets a test assert the setting reached the shared zod core). */
export const ZOD_JITLESS = true;
