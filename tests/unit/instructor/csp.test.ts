/**
 * The Content-Security-Policy allows nothing from outside the origin, and lists the hash of every
 * inline script it must (the instructor boot script and Starlight's `is:inline` scripts).
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { CSP_DIRECTIVES, contentSecurityPolicy, inlineScriptHashes } from '../../../src/security/csp.mjs';
import { INSTRUCTOR_BOOT_SCRIPT } from '../../../src/instructor/boot-script.mjs';

it('names no host, scheme wildcard or unsafe script source', () => {
  const policy = contentSecurityPolicy();
  const sources = [
    ...CSP_DIRECTIVES.flatMap((d) => d.split(/\s+/).slice(1)),
    ...policy.scriptDirective.resources,
    ...policy.styleDirective.resources,
  ];
  const allowed = new Set(["'self'", "'none'", 'data:', "'unsafe-inline'"]);
  expect(sources.filter((s) => !allowed.has(s))).toEqual([]);
  expect(policy.scriptDirective.resources).toEqual(["'self'"]);
  expect(CSP_DIRECTIVES).toContain("default-src 'self'");
  expect(CSP_DIRECTIVES).toContain("object-src 'none'");
});

it("hashes the boot script and Starlight's inline scripts", () => {
  const hashes = inlineScriptHashes();
  const boot = `sha256-${createHash('sha256').update(INSTRUCTOR_BOOT_SCRIPT).digest('base64')}`;
  expect(hashes).toContain(boot);
  // ThemeProvider, Search, ThemeSelect and two SidebarPersister scripts at the time of writing.
  expect(hashes.length).toBeGreaterThanOrEqual(5);
});
