import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploads and generated documents live, addressed by the SHA-256 of their bytes. The port is byte-in,
 * byte-out and knows nothing of names or types (those are metadata, kept elsewhere), so an S3-compatible
 * implementation fits: `put` is a PutObject under the key (with `ChecksumSHA256`), `get` a GetObject that maps
 * NoSuchKey to `undefined`, `has` a HeadObject.
 */
export interface FileStore {
  /** Stores the bytes; resolves once they are durable. Storing content already there changes nothing. */
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /** The bytes under a key, or `undefined` when nothing is stored there. */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

/** A key is exactly 64 lowercase hex digits: nothing else may ever become part of a path or an object key. */
const KEY = /^[0-9a-f]{64}$/;

export class InvalidFileKey extends Error {
  constructor(key: string) {
    super(`Not a SHA-256 file key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'InvalidFileKey';
  }
}

export function assertFileKey(key: string): void {
  if (!KEY.test(key)) throw new InvalidFileKey(key);
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The default root of the local store: next to the embedded database, in the data folder. */
export const defaultFilesRoot = (dataDir: string): string => path.join(dataDir, 'files');

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** fsync a folder, so that a rename or a new entry in it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The local-folder store: `<root>/ab/cd/<sha256>`. Two levels of fan-out keep folders small. A write goes to a
 * temporary file in the target folder (same file system, so the rename is atomic), is fsynced, renamed, and
 * the folder fsynced: once `put` resolves the file is complete and durable, and a crash never leaves a
 * half-written file under a real key.
 */
export function localFileStore(root: string): FileStore {
  const base = path.resolve(root);
  const pathOf = (key: string): string => {
    assertFileKey(key); // before any path is built
    return path.join(base, key.slice(0, 2), key.slice(2, 4), key);
  };
  const isFile = async (file: string): Promise<boolean> => {
    try {
      return (await fs.stat(file)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };

  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      if (await isFile(target)) return { sha256, size: bytes.length }; // same content, same key: nothing to do
      const dir = path.dirname(target);
      const created = await fs.mkdir(dir, { recursive: true });
      // Random suffix: two concurrent puts of the same content each write their own temporary file.
      const temp = path.join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await fs.open(temp, 'wx', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      await syncDir(dir);
      // Folders made just now must be durable too, or the file could vanish with its parent after a crash.
      if (created !== undefined) {
        const last = path.dirname(created); // holds the entry of the topmost folder made
        for (let d = path.dirname(dir); ; d = path.dirname(d)) {
          await syncDir(d);
          if (d === last || d === path.dirname(d)) break;
        }
      }
      return { sha256, size: bytes.length };
    },

    async get(sha256) {
      const file = pathOf(sha256);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      // Content addressing makes corruption detectable: never hand out bytes that are not what was stored.
      if (sha256Of(bytes) !== sha256)
        throw new Error(`File store: content of ${sha256} does not match its key`);
      return bytes;
    },

    // async, so a bad key is a rejection like everywhere else, not a synchronous throw.
    async has(sha256) {
      return isFile(pathOf(sha256));
    },
  };
}
