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

const DEMO_PASSWORD = 'Demo-2026!pass';
const DEMO_ACCOUNTS = {
  university: { email: 'demo-member@techmatch.local', password: DEMO_PASSWORD },
  enterprise: { email: 'demo-org_admin@techmatch.local', password: DEMO_PASSWORD },
  agent: { email: 'demo-agent@techmatch.local', password: DEMO_PASSWORD },
  reviewer: { email: 'demo-reviewer@techmatch.local', password: DEMO_PASSWORD },
};

function hasCommand(env, ...args) {
  return spawnSync(join(BIN, 'techmatch'), [...args, '--help'], { cwd: ROOT, env, encoding: 'utf8' }).status === 0;
}

/**
 * The embedded run: `techmatch run` (migrate, demo data, API + web app + worker) on a free port against a
 * fresh temp SQLite database. Without `techmatch run`, falls back to alembic + bootstrap accounts + uvicorn.
 */
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
  let cmd;
  let args;
  let accounts;
  let mode;
  if (hasCommand(env, 'run')) {
    mode = 'techmatch run (demo data, worker)';
    cmd = join(BIN, 'techmatch');
    args = ['run', '--host', '127.0.0.1', '--port', String(port)];
    accounts = DEMO_ACCOUNTS;
  } else {
    mode = 'uvicorn (no techmatch run: bootstrap accounts, no worker)';
    run(join(BIN, 'alembic'), ['upgrade', 'head'], env, 'alembic upgrade head');
    if (hasCommand(env, 'seed-demo')) run(join(BIN, 'techmatch'), ['seed-demo'], env, 'techmatch seed-demo');
    accounts = JSON.parse(run(join(BIN, 'python'), ['tests/e2e/bootstrap.py'], env, 'bootstrap accounts').trim().split('\n').pop());
    cmd = join(BIN, 'uvicorn');
    args = ['backend.app:create_app', '--factory', '--host', '127.0.0.1', '--port', String(port)];
  }
  const server = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null) throw new Error(`backend exited:\n${output}`);
    if (Date.now() - t0 > 180000) throw new Error(`backend not up after 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`backend: ${mode} on port ${port} (up in ${((Date.now() - t0) / 1000).toFixed(1)} s), data in ${tmp}`);
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 15000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  return { base, accounts, stop, output: () => output };
}

export async function startBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
