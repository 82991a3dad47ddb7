import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { InvalidFileKey, sha256Of } from './file-store.ts';
import { s3FileStore, type S3StoreOptions } from './s3-file-store.ts';
import { s3ServerMissing, startS3Server, type S3TestServer } from './moto-server.ts';

const keyOf = (sha: string, prefix = '') => `${prefix}${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
const base64Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** A fetch that records what the store asks for, then really sends it. */
function recording() {
  const calls: string[] = [];
  const impl: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    return fetch(request);
  };
  return { calls, impl };
}

const offline: S3StoreOptions = {
  endpoint: 'http://127.0.0.1:9',
  bucket: 'motcua-test',
  region: 'us-east-1',
  accessKeyId: 'test',
  secretAccessKey: 'test',
};

describe('S3 file store without a server', () => {
  test('malformed keys are refused before any request is made', async () => {
    const { calls, impl } = recording();
    const store = s3FileStore({ ...offline, prefix: 'motcua/' }, impl);
    const valid = sha256Of(Buffer.from('x'));
    for (const bad of [
      '../etc/passwd',
      valid.toUpperCase(),
      valid.slice(0, 63),
      `${valid}0`,
      `${valid}\n`,
      '',
    ]) {
      await assert.rejects(store.get(bad), InvalidFileKey, JSON.stringify(bad));
      await assert.rejects(store.has(bad), InvalidFileKey, JSON.stringify(bad));
    }
    assert.deepEqual(calls, [], 'no request was made');
  });

  test('bad prefixes, bucket names and endpoints are refused when the store is made', () => {
    for (const prefix of ['motcua', '/motcua/', 'motcua//', 'Motcua/', '../', 'a b/', 'mot.cua/'])
      assert.throws(() => s3FileStore({ ...offline, prefix }), /invalid prefix/, prefix);
    for (const bucket of ['', 'ab', 'Motcua', 'a/b', '../x', 'bucket?x'])
      assert.throws(() => s3FileStore({ ...offline, bucket }), /invalid bucket/, bucket);
    assert.throws(() => s3FileStore({ ...offline, endpoint: 'file:///tmp' }), /http\(s\)/);
    assert.doesNotThrow(() => s3FileStore({ ...offline, prefix: 'motcua/files_2-x/' }));
  });

  test('a server that never answers fails the request after the timeout', async (t) => {
    const sockets = new Set<net.Socket>();
    const hung = net.createServer((socket) => void sockets.add(socket)); // accepts, never replies
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      for (const socket of sockets) socket.destroy();
      hung.close();
    });
    const { port } = hung.address() as net.AddressInfo;
    const store = s3FileStore({ ...offline, endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(store.has(sha256Of(Buffer.from('x'))), { name: 'TimeoutError' });
    assert.ok(Date.now() - started < 5000);
  });
});

describe('S3 file store against an S3-compatible server', { skip: s3ServerMissing }, () => {
  let server: S3TestServer;
  // Every run writes under its own prefix, so a shared bucket (MOTCUA_TEST_S3_ENDPOINT) stays usable.
  const run = `run-${randomBytes(4).toString('hex')}/`;
  before(async () => {
    server = await startS3Server();
  });
  after(() => server?.stop());
  const store = (prefix = run, fetchImpl?: typeof fetch) => s3FileStore({ ...server, prefix }, fetchImpl);
  const rawObject = (key: string, init?: RequestInit, method = 'GET') =>
    server.raw(method, `/${server.bucket}/${key}`, init);

  test('put then get round-trips the bytes exactly: text, empty and 5 MB', async () => {
    const s = store();
    for (const bytes of [
      Buffer.from('Giấy chứng nhận quyền sử dụng đất'),
      Buffer.alloc(0),
      randomBytes(5 << 20),
    ]) {
      const put = await s.put(bytes);
      assert.deepEqual(put, { sha256: sha256Of(bytes), size: bytes.length });
      const got = await s.get(put.sha256);
      assert.ok(got !== undefined && got.equals(bytes), `round trip of ${bytes.length} bytes`);
    }
  });

  // That the server refuses a body whose checksum is wrong is not asserted: moto 5.2.1 stores
  // x-amz-checksum-sha256 as sent without checking it (nor x-amz-content-sha256, nor the signature).
  test('the object lies at <prefix>ab/cd/<sha256> with its type and SHA-256 checksum', async () => {
    const bytes = Buffer.from('%PDF-1.4 prefixed');
    const { sha256 } = await store('motcua/' + run).put(bytes);
    const response = await rawObject(keyOf(sha256, 'motcua/' + run), {
      headers: { 'x-amz-checksum-mode': 'ENABLED' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/octet-stream');
    assert.equal(response.headers.get('x-amz-checksum-sha256'), base64Of(bytes));
    assert.ok(Buffer.from(await response.arrayBuffer()).equals(bytes));
    const unprefixed = await rawObject(keyOf(sha256), undefined, 'HEAD');
    assert.equal(unprefixed.status, 404, 'nothing outside the prefix');
    assert.equal(await store().has(sha256), false, 'another prefix is another store');
  });

  test('putting the same content twice is a no-op: one object, the second put only asks', async () => {
    const { calls, impl } = recording();
    const s = store(`${run}twice/`, impl);
    const bytes = Buffer.from('same content');
    const first = await s.put(bytes);
    assert.deepEqual(await s.put(bytes), first);
    const path = `/${server.bucket}/${keyOf(first.sha256, `${run}twice/`)}`;
    assert.deepEqual(calls, [`HEAD ${path}`, `PUT ${path}`, `HEAD ${path}`]);
    const list = await server.raw('GET', `/${server.bucket}?list-type=2&prefix=${run}twice/`);
    assert.equal((await list.text()).split('<Key>').length - 1, 1, 'one object');
  });

  test('has and get: true and the bytes when stored, false and undefined when not', async () => {
    const s = store();
    const { sha256 } = await s.put(Buffer.from('stored'));
    assert.equal(await s.has(sha256), true);
    const unknown = sha256Of(Buffer.from('never stored'));
    assert.equal(await s.has(unknown), false);
    assert.equal(await s.get(unknown), undefined);
  });

  test('an object whose bytes do not match its key is never handed out', async () => {
    const s = store();
    const sha256 = sha256Of(Buffer.from('the original'));
    const written = await rawObject(keyOf(sha256, run), { body: 'tampered', headers: {} }, 'PUT');
    assert.equal(written.status, 200);
    await assert.rejects(s.get(sha256), /content of [0-9a-f]{64} does not match its key/);
  });

  test('a server error rejects with the status and the S3 code, and no secret', async () => {
    const secretAccessKey = 'sekrit-do-not-log';
    const s = s3FileStore({
      ...server,
      secretAccessKey,
      bucket: `motcua-missing-${randomBytes(4).toString('hex')}`,
    });
    const failure = await s.put(Buffer.from('nowhere')).then(
      () => assert.fail('put into a missing bucket resolved'),
      (error: Error) => error,
    );
    assert.match(failure.message, /^S3 file store: PUT [0-9a-f/]+ failed: HTTP 404 NoSuchBucket$/);
    assert.doesNotMatch(failure.message, /sekrit|Signature|Credential/);
    // A missing bucket is a misconfiguration, not an empty store.
    await assert.rejects(s.get(sha256Of(Buffer.from('nowhere'))), /HTTP 404 NoSuchBucket/);
  });
});
