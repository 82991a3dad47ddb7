import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { fileTypeFromBuffer } from 'file-type';
import { acceptUpload } from './accept-upload.ts';
import { localFileStore, sha256Of } from './file-store.ts';
import { ACCEPTED_TYPES, checkFileName, pdfHasActiveContent, UPLOAD_FIELDS } from './upload-check.ts';
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES, bytesOf, listFiles, pdf } from './test-fixtures.ts';

const MAX = 4096;
const samples = [...Object.values(ACCEPTED_SAMPLES), ...Object.values(REFUSED_SAMPLES)];
const noise = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));

/** Random bytes, known headers with random tails (so the accepted types are reached), PDFs with active names. */
const bytesArb = fc.oneof(
  noise(64),
  fc.tuple(fc.constantFrom(...samples), noise(256)).map(([head, tail]) => Buffer.concat([head, tail])),
  fc
    .tuple(fc.constantFrom('/JS', '/JavaScript', '/J#53', '/Launch', '/JSON', '/Type'), fc.string())
    .map(([name, rest]) => pdf(`<< ${name} (${rest}) >>\n`)),
  fc.constant(Buffer.alloc(0)),
  fc.constant(bytesOf(ACCEPTED_SAMPLES['image/png'], Buffer.alloc(MAX))), // just over the limit
);

const nameArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `${s}.pdf`),
  fc
    .array(fc.constantFrom('..', '.', 'etc', 'passwd', 'C:', '', '%2e%2e', '\u0000'), { maxLength: 6 })
    .chain((parts) => fc.constantFrom('/', '\\').map((sep) => parts.join(sep))),
);

const typeArb = fc.option(
  fc.oneof(
    fc.constantFrom(...Object.keys(ACCEPTED_TYPES), 'application/octet-stream', 'text/html', 'image/svg+xml'),
    fc.string({ maxLength: 30 }),
  ),
  { nil: undefined },
);

test('fuzz: only PDF, JPEG, PNG, TIFF are kept; refusals are clear and leave nothing on disk', async (t) => {
  const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-fuzz-'));
  t.after(() => fs.rm(outside, { recursive: true }));
  const root = path.join(outside, 'store');
  const store = localFileStore(root);
  const kept = new Set<string>();
  const fields = new Set(Object.values(UPLOAD_FIELDS));

  await fc.assert(
    fc.asyncProperty(bytesArb, nameArb, typeArb, async (bytes, fileName, declaredType) => {
      const result = await acceptUpload(store, { bytes, fileName, declaredType }, MAX);
      if (result.ok) {
        kept.add(result.sha256);
        assert.ok(Object.hasOwn(ACCEPTED_TYPES, result.mediaType));
        assert.equal((await fileTypeFromBuffer(bytes))?.mime, result.mediaType, 'decided by the bytes');
        assert.ok(bytes.length > 0 && bytes.length <= MAX);
        assert.ok(!(result.mediaType === 'application/pdf' && pdfHasActiveContent(bytes)));
        assert.deepEqual(checkFileName(result.displayName), { ok: true, displayName: result.displayName });
        assert.doesNotMatch(result.displayName, /[/\\\p{Cc}]/u);
        assert.deepEqual(await store.get(result.sha256), bytes);
      } else {
        assert.ok(fields.has(result.field), result.field);
        assert.ok(result.detail.vi.length > 0 && result.detail.en.length > 0);
        const key = sha256Of(bytes);
        assert.equal(await store.has(key), kept.has(key), 'a refused upload is not stored');
      }
    }),
    { numRuns: 400 },
  );

  assert.ok(kept.size > 0, 'the fuzz reached accepted uploads too');
  const expected = [...kept].map((k) => path.join(k.slice(0, 2), k.slice(2, 4), k)).sort();
  assert.deepEqual(
    kept.size > 0 ? await listFiles(root) : [],
    expected,
    'exactly the accepted files, no temporaries',
  );
  assert.deepEqual(await fs.readdir(outside), kept.size > 0 ? ['store'] : [], 'nothing outside the store');
});
