// Start the backend on embedded defaults (fresh temp SQLite, migrated, demo data when available)
// serving the built web app, and a headless Chromium to drive it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'frontend/package.json'));
const { chromium } = require('playwright-core');

const BIN = join(ROOT, '.venv/bin');

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function run(cmd, args, env, label) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export async function startBackend(log) {
  if (!existsSync(join(ROOT, 'frontend/dist/index.html'))) throw new Error('frontend/dist is missing: run npm run build first');
  const tmp = mkdtempSync(join(tmpdir(), 'techmatch-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    TECHMATCH_DATABASE_URL: `sqlite:///${join(tmp, 'e2e.sqlite')}`,
    TECHMATCH_VAR_DIR: join(tmp, 'var'),
    TECHMATCH_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  };
  run(join(BIN, 'alembic'), ['upgrade', 'head'], env, 'alembic upgrade head');
  let seeded = false;
  const help = spawnSync(join(BIN, 'techmatch'), ['seed-demo', '--help'], { cwd: ROOT, env, encoding: 'utf8' });
  if (help.status === 0) {
    run(join(BIN, 'techmatch'), ['seed-demo'], env, 'techmatch seed-demo');
    seeded = true;
  }
  const accounts = JSON.parse(run(join(BIN, 'python'), ['tests/e2e/bootstrap.py'], env, 'bootstrap accounts').trim().split('\n').pop());
  log(`backend: port ${port}, db ${tmp}, demo data ${seeded ? 'seeded' : 'not available (seed-demo missing)'}`);
  const server = spawn(join(BIN, 'uvicorn'), ['backend.app:create_app', '--factory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null) throw new Error(`backend exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
    rmSync(tmp, { recursive: true, force: true });
  };
  return { base, accounts, seeded, stop, output: () => output };
}

export async function startBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
