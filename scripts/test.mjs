// Runs the test suite with Node's own test runner (through tsx for TypeScript).
//   node scripts/test.mjs                 all tests: pure, database (PGlite; PostgreSQL too when reachable), e2e
//   node scripts/test.mjs --only <dir>    the tests under one folder
//   node scripts/test.mjs --e2e           only the browser tests
//   node scripts/test.mjs --db            only the database tests (*.db.test.ts, *.access.test.ts)
//   --pglite / --postgres                 only the embedded run / only the PostgreSQL run of the database tests
// The database tests run on PGlite, then again on PostgreSQL at MOTCUA_TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) when a server answers there.
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
const isDb = (f) => f.endsWith('.db.test.ts') || f.endsWith('.access.test.ts');
if (args.includes('--e2e')) files = files.filter(isE2e);
if (args.includes('--db')) files = files.filter(isDb);
if (args.includes('--unit')) files = files.filter((f) => !isE2e(f) && !isDb(f));
files.sort((a, b) => Number(isE2e(a)) - Number(isE2e(b)) || a.localeCompare(b));

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

function run(list, env) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      ...list.map((f) => path.relative(root, f)),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', ...env } },
  );
  return result.status ?? 1;
}

// The database suites run a second time on a PostgreSQL server when one answers (CI starts one); without
// it they are skipped, saying why, so `npm test` passes on a machine with nothing installed.
async function postgresUrl() {
  const url = process.env.MOTCUA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.MOTCUA_TEST_DATABASE_URL === '') return { skip: 'MOTCUA_TEST_DATABASE_URL is set empty' };
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    return { url };
  } catch (error) {
    return {
      skip: `no PostgreSQL server answers at ${url.replace(/:[^:@/]*@/, ':***@')} (${error.message})`,
    };
  }
}

const onlyPostgres = args.includes('--postgres');
let status = 0;
if (!onlyPostgres) status = run(files, { MOTCUA_TEST_DATABASE_URL: '' });
const dbFiles = files.filter(isDb);
if (status === 0 && dbFiles.length > 0 && !args.includes('--pglite')) {
  const pg = await postgresUrl();
  if (pg.url) {
    console.log(`\n— the ${dbFiles.length} database suites again, on PostgreSQL —\n`);
    status = run(dbFiles, { MOTCUA_TEST_DATABASE_URL: pg.url });
  } else {
    console.log(`\n# skipped: the ${dbFiles.length} database suites on PostgreSQL — ${pg.skip}.`);
    console.log('# Set MOTCUA_TEST_DATABASE_URL=postgres://… to run them.');
  }
}
process.exit(status);
