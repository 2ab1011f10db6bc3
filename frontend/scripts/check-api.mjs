// Fails when src/api/schema.d.ts (and openapi.json) are stale against a freshly dumped backend schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'techmatch-api-'));
try {
  const schema = join(tmp, 'openapi.json');
  const generated = join(tmp, 'schema.d.ts');
  execFileSync('bash', [join(root, 'scripts/dump-openapi.sh'), schema], { cwd: root, stdio: 'inherit' });
  execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [schema, '-o', generated], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const strip = (s) => s.replace(/\r\n/g, '\n').trim();
  const fresh = strip(readFileSync(generated, 'utf8'));
  const committed = strip(readFileSync(join(root, 'src/api/schema.d.ts'), 'utf8'));
  const freshJson = JSON.stringify(JSON.parse(readFileSync(schema, 'utf8')));
  const committedJson = JSON.stringify(JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')));
  if (fresh !== committed || freshJson !== committedJson) {
    console.error('check:api FAILED: the generated client is stale. Run: npm run dump:api && npm run gen:api');
    process.exit(1);
  }
  console.log('check:api OK: src/api/schema.d.ts matches the backend schema');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
