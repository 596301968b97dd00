// @ts-check
/**
 * The site's Content-Security-Policy, given to Astro as `security.csp` (Astro writes it into every
 * page as a `<meta http-equiv="content-security-policy">`). It allows nothing from outside the
 * origin: scripts, styles, fonts, workers and fetches come from the site itself.
 *
 * What the stack still needs, and why (also in README.md, "Content-Security-Policy"):
 * - `script-src` hashes: Astro hashes the scripts it bundles or hoists, but not `<script is:inline>`
 *   bodies. Starlight inlines a few on purpose (theme before first paint, sidebar scroll restore,
 *   search shortcut), and the instructor-mode boot script is inline for the same no-flash reason.
 *   Their hashes are computed here from the very text that ends up in the page.
 * - `style-src 'unsafe-inline'`: Monaco injects `<style>` elements at run time (theme colours,
 *   decorations) and sets `style` attributes on every line it lays out; Svelte and Starlight use
 *   `style` attributes too. Inline styles cannot run script, so this keeps the script policy strict.
 * - `img-src data:`: Monaco's and Starlight's CSS embed small icons as `data:` URLs; `data:` never
 *   reaches the network.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { INSTRUCTOR_BOOT_SCRIPT } from '../instructor/boot-script.mjs';

/** Directives other than script-src/style-src (which Astro composes from the hashes it tracks). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The `security.csp` object for astro.config.mjs. */
export function contentSecurityPolicy() {
  return {
    algorithm: /** @type {const} */ ('SHA-256'),
    directives: /** @type {any[]} */ (CSP_DIRECTIVES),
    scriptDirective: {
      resources: ["'self'"],
      hashes: /** @type {any[]} */ (inlineScriptHashes()),
    },
    styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  };
}

/**
 * SHA-256 hashes (CSP `sha256-…` form) of every inline script the pages carry that Astro does not
 * hash itself: Starlight's `<script is:inline>` bodies (Astro emits them verbatim) and the
 * instructor-mode boot script.
 */
export function inlineScriptHashes() {
  const bodies = [INSTRUCTOR_BOOT_SCRIPT, ...starlightInlineScripts()];
  return [...new Set(bodies.map((body) => `sha256-${createHash('sha256').update(body).digest('base64')}`))];
}

/** Bodies of `<script is:inline>` elements in Starlight's components. */
function starlightInlineScripts() {
  const root = new URL('../../node_modules/@astrojs/starlight/', import.meta.url);
  const bodies = [];
  for (const folder of ['components/', 'user-components/', 'dist/components/', 'dist/user-components/']) {
    const dir = new URL(folder, root);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.astro')) continue;
      const source = readFileSync(new URL(name, dir), 'utf8');
      for (const match of source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)) {
        bodies.push(match[1] ?? '');
      }
    }
  }
  return bodies;
}
