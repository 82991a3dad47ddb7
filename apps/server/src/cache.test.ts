import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ttlCache } from './cache.ts';

test('ttlCache: one load per key within the time, a new one after it or after invalidate', async () => {
  let now = 0;
  const loads: string[] = [];
  const cache = ttlCache(
    async (key: string) => {
      loads.push(key);
      return `${key}@${loads.length}`;
    },
    1000,
    () => now,
  );
  assert.equal(await cache.get('a'), 'a@1');
  assert.equal(await cache.get('a'), 'a@1');
  assert.equal(await cache.get('b'), 'b@2');
  now = 999;
  assert.equal(await cache.get('a'), 'a@1');
  now = 1000;
  assert.equal(await cache.get('a'), 'a@3');
  cache.invalidate();
  assert.equal(await cache.get('b'), 'b@4');
});

test('ttlCache: concurrent callers share one load; a failed load is retried', async () => {
  let calls = 0;
  const cache = ttlCache(async () => {
    calls += 1;
    if (calls === 1) throw new Error('database away');
    return calls;
  }, 60_000);
  await assert.rejects(cache.get('x'), /database away/);
  await new Promise((resolve) => setImmediate(resolve));
  const [a, b] = await Promise.all([cache.get('x'), cache.get('x')]);
  assert.deepEqual([a, b, calls], [2, 2, 2]);
});

test('ttlCache: a value the caller does not keep (not found) is loaded again', async () => {
  let calls = 0;
  const cache = ttlCache(
    async () => {
      calls += 1;
      return calls === 1 ? undefined : 'found';
    },
    60_000,
    Date.now,
    (v) => v !== undefined,
  );
  assert.equal(await cache.get('1.001193'), undefined);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await cache.get('1.001193'), 'found');
  assert.equal(await cache.get('1.001193'), 'found');
  assert.equal(calls, 2);
});
