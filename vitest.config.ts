/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config gives tests the same Svelte compiler and resolution as the site.
export default getViteConfig({
  resolve: { conditions: ['browser'] },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    testTimeout: 20_000,
    // In CI a JSON report lets .ci/run print one total line across all suites.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'reports/unit.json' }]] : ['default'],
  },
});
