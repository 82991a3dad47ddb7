import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { assertFileKey, type FileStore } from './file-store.ts';

export interface S3StoreOptions {
  /** Base URL of the S3-compatible server, e.g. `http://127.0.0.1:9000`; path-style addressing is used. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object-key prefix such as `motcua/`: segments of `[a-z0-9_-]`, each ending with `/`. */
  prefix?: string;
  /** Per-request limit (default 30 s): a hung server must fail a request, not hold it forever. */
  timeoutMs?: number;
}

// Tighter than "only [a-z0-9/_-]": an empty segment (`//`, leading `/`) would silently change the URL path.
const PREFIX = /^(?:[a-z0-9_-]+\/)*$/;
// S3's own bucket naming rules (lowercase, 3–63 characters), so nothing else can reach the URL path.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The S3 error `<Code>` of a response (HEAD has no body), and nothing else from it: messages may be logged. */
const errorCode = async (response: Response): Promise<string | undefined> =>
  /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(await response.text().catch(() => ''))?.[1];

const failure = (what: string, status: number, code: string | undefined): Error =>
  new Error(`S3 file store: ${what} failed: HTTP ${status}${code ? ` ${code}` : ''}`);

/**
 * The S3-compatible store: objects at `<prefix>ab/cd/<sha256>` in one bucket. `put` sends the SHA-256 twice —
 * as the signed payload hash and as `x-amz-checksum-sha256` — so the server refuses a body damaged on the way,
 * and a resolved PutObject is durable by S3's contract. `get` re-hashes what comes back, as the local store does.
 */
export function s3FileStore(options: S3StoreOptions, fetchImpl: typeof fetch = fetch): FileStore {
  const prefix = options.prefix ?? '';
  if (!PREFIX.test(prefix)) throw new Error(`S3 file store: invalid prefix ${JSON.stringify(prefix)}`);
  if (!BUCKET.test(options.bucket))
    throw new Error(`S3 file store: invalid bucket name ${JSON.stringify(options.bucket)}`);
  const base = new URL(options.endpoint);
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new Error(`S3 file store: endpoint must be http(s), not ${base.protocol}`);
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}/${options.bucket}/`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Service and region are explicit: aws4fetch would otherwise guess them from the host name.
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: 's3',
    region: options.region,
  });

  const keyOf = (sha256: string): string => {
    assertFileKey(sha256); // before any key or URL is built
    return `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };
  // Signed here and sent through fetchImpl rather than client.fetch: that one retries 5xx up to ten times
  // without a timeout of its own, and would bypass an injected fetch.
  const send = async (method: string, key: string, init: RequestInit = {}): Promise<Response> =>
    fetchImpl(await client.sign(root + key, { ...init, method, signal: AbortSignal.timeout(timeoutMs) }));

  const exists = async (key: string): Promise<boolean> => {
    const response = await send('HEAD', key);
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw failure(`HEAD ${key}`, response.status, undefined);
  };

  return {
    async put(bytes) {
      // A private copy, hashed and sent: a caller changing its buffer mid-upload cannot split the two.
      const body = new Uint8Array(bytes);
      const digest = createHash('sha256').update(body).digest();
      const sha256 = digest.toString('hex');
      const key = keyOf(sha256);
      if (await exists(key)) return { sha256, size: bytes.length }; // same content, same key: nothing to do
      const response = await send('PUT', key, {
        body,
        headers: {
          'content-type': 'application/octet-stream',
          'x-amz-content-sha256': sha256,
          'x-amz-checksum-sha256': digest.toString('base64'),
          // Names the algorithm as the AWS SDKs do; some servers (moto) only keep the checksum when it is there.
          'x-amz-sdk-checksum-algorithm': 'SHA256',
        },
      });
      if (!response.ok) throw failure(`PUT ${key}`, response.status, await errorCode(response));
      await response.body?.cancel(); // free the connection
      return { sha256, size: bytes.length };
    },

    async get(sha256) {
      const key = keyOf(sha256);
      const response = await send('GET', key);
      if (response.status !== 200) {
        const code = await errorCode(response);
        // Only a missing object is "nothing stored"; a missing bucket is a misconfiguration, not an empty store.
        if (response.status === 404 && (code === undefined || code === 'NoSuchKey')) return undefined;
        throw failure(`GET ${key}`, response.status, code);
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      // Content addressing makes corruption detectable: never hand out bytes that are not what was stored.
      if (createHash('sha256').update(bytes).digest('hex') !== sha256)
        throw new Error(`S3 file store: content of ${sha256} does not match its key`);
      return bytes;
    },

    async has(sha256) {
      return exists(keyOf(sha256));
    },
  };
}
