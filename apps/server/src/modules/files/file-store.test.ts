import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultFilesRoot, InvalidFileKey, localFileStore, sha256Of } from './file-store.ts';
import { listFiles } from './test-fixtures.ts';
import { loadConfig } from '../../config.ts';

/** A store in a fresh temporary folder; `outside` is its parent, which must stay empty but for the root. */
async function tempStore() {
  const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-files-'));
  const root = path.join(outside, 'store');
  return { outside, root, store: localFileStore(root) };
}

const keyPath = (root: string, key: string) => path.join(key.slice(0, 2), key.slice(2, 4), key);

test('put stores at <root>/ab/cd/<sha256>; get returns the bytes; nothing else is left', async (t) => {
  const { outside, root, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const bytes = Buffer.from('Giấy chứng nhận quyền sử dụng đất');
  const put = await store.put(bytes);
  assert.deepEqual(put, { sha256: sha256Of(bytes), size: bytes.length });
  assert.match(put.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(await listFiles(root), [keyPath('', put.sha256)]);
  assert.deepEqual(await store.get(put.sha256), bytes);
  assert.equal(await store.has(put.sha256), true);
  assert.deepEqual(await fs.readdir(outside), ['store'], 'nothing outside the root');
});

test('putting the same content twice is a no-op; concurrent puts agree', async (t) => {
  const { outside, root, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const bytes = Buffer.from('%PDF-1.4 same');
  const first = await store.put(bytes);
  const file = path.join(root, keyPath('', first.sha256));
  const before = await fs.stat(file);
  assert.deepEqual(await store.put(bytes), first);
  assert.equal((await fs.stat(file)).mtimeMs, before.mtimeMs, 'not rewritten');
  const other = Buffer.from('another');
  const results = await Promise.all([store.put(other), store.put(other), store.put(other)]);
  assert.equal(new Set(results.map((r) => r.sha256)).size, 1);
  assert.equal((await listFiles(root)).length, 2, 'two contents, two files, no temporary ones');
});

test('get and has of an unknown key: undefined and false, and the disk is not written', async (t) => {
  const { outside, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const unknown = sha256Of(Buffer.from('never stored'));
  assert.equal(await store.get(unknown), undefined);
  assert.equal(await store.has(unknown), false);
  assert.deepEqual(await fs.readdir(outside), [], 'reading made no folder');
});

test('malformed keys are refused before any path is built', async (t) => {
  const { outside, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const valid = sha256Of(Buffer.from('x'));
  for (const bad of [
    '../etc/passwd',
    '../../../../../../etc/passwd',
    valid.toUpperCase(),
    valid.slice(0, 63),
    `${valid}0`,
    `${valid.slice(0, 62)}/.`,
    `${valid}\n`,
    '',
  ]) {
    await assert.rejects(store.get(bad), InvalidFileKey, JSON.stringify(bad));
    await assert.rejects(store.has(bad), InvalidFileKey, JSON.stringify(bad));
  }
  assert.deepEqual(await fs.readdir(outside), [], 'nothing touched');
});

test('a failed write leaves no temporary file and no file under the key', async (t) => {
  const { outside, root, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const bytes = Buffer.from('blocked');
  const key = sha256Of(bytes);
  // A folder where the file should go makes the final rename fail after the temporary file is written.
  await fs.mkdir(path.join(root, keyPath('', key)), { recursive: true });
  await assert.rejects(store.put(bytes));
  assert.deepEqual(await listFiles(root), []);
  assert.equal(await store.has(key), false);
});

test('a file whose content no longer matches its key is never handed out', async (t) => {
  const { outside, root, store } = await tempStore();
  t.after(() => fs.rm(outside, { recursive: true }));
  const { sha256 } = await store.put(Buffer.from('original'));
  await fs.writeFile(path.join(root, keyPath('', sha256)), 'tampered');
  await assert.rejects(store.get(sha256), /does not match its key/);
});

test('the default root is <MOTCUA_DATA_DIR>/files', () => {
  const config = loadConfig({ MOTCUA_DATA_DIR: '/var/lib/motcua' });
  assert.equal(defaultFilesRoot(config.dataDir), path.join('/var/lib/motcua', 'files'));
});
