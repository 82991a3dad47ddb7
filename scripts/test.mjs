// Runs the test suite with Node's own test runner (through tsx for TypeScript).
//   node scripts/test.mjs                 all tests: pure, database (PGlite; PostgreSQL too when reachable), e2e
//   node scripts/test.mjs --only <dir>    the tests under one folder
//   node scripts/test.mjs --e2e           only the browser tests
//   node scripts/test.mjs --db            only the database tests (*.db.test.ts, *.access.test.ts)
// Set MOTCUA_TEST_DATABASE_URL=postgres://… to run the database tests on PostgreSQL instead of PGlite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const roots = only
  ? [path.join(root, only)].map((p) => (fs.existsSync(p) && fs.statSync(p).isFile() ? path.dirname(p) : p))
  : ['packages', 'apps'].map((d) => path.join(root, d));
let files = roots
  .flatMap(walk)
  .filter((f) => f.endsWith('.test.ts') && (!only || f.startsWith(path.join(root, only))));
const isE2e = (f) => f.endsWith('.e2e.test.ts');
const isDb = (f) => f.endsWith('.db.test.ts') || f.endsWith('.access.test.ts') || f.endsWith('.proc.test.ts');
if (args.includes('--e2e')) files = files.filter(isE2e);
if (args.includes('--db')) files = files.filter(isDb);
if (args.includes('--unit')) files = files.filter((f) => !isE2e(f) && !isDb(f));
files.sort((a, b) => Number(isE2e(a)) - Number(isE2e(b)) || a.localeCompare(b));

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    ...files.map((f) => path.relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
