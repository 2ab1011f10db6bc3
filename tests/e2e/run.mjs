// End-to-end runner: node tests/e2e/run.mjs (or `npm run e2e` in frontend/, which builds first).
// Exits non-zero when any flow fails and prints "N passed, M failed".
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, startBrowser } from './harness.mjs';
import { flows } from './flows.mjs';
import { SHOTS } from './helpers.mjs';

const log = (...a) => console.log('[e2e]', ...a);
const started = Date.now();
mkdirSync(SHOTS, { recursive: true });

let passed = 0;
const state = {};
let failed = 0;
const backend = await startBackend(log);
const browser = await startBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  for (const flow of flows) {
    const t0 = Date.now();
    consoleErrors.length = 0;
    try {
      await flow.run({ page, base: backend.base, accounts: backend.accounts, state });
      // 4xx answers the UI shows as field errors are logged by Chromium as failed loads; they are not app errors.
      const real = consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
      if (real.length) throw new Error(`console errors:\n  ${real.join('\n  ')}`);
      passed++;
      log(`PASS ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      log(`FAIL ${flow.name}: ${err instanceof Error ? err.message : err}`);
      const where = join(tmpdir(), `techmatch-e2e-failure-${passed + failed}.png`);
      await page.screenshot({ path: where }).catch(() => undefined);
      log(`  screenshot of the failure: ${where}`);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await backend.stop();
}
console.log(`${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);
