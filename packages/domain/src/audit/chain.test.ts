import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH, recordHash, verifyChain, type AuditRecord } from './chain.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const content = {
      provinceCode: '68',
      seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actorId: 'u1',
      actorUnitId: 'x',
      action: 'unit.created',
      targetType: 'unit',
      targetId: `t${seq}`,
      requestId: `r${seq}`,
      details: { name: `Xã ${seq}`, nested: { b: 1, a: 2 } },
      prevHash: prev,
    };
    const record = { ...content, hash: recordHash(content, sha) };
    records.push(record);
    prev = record.hash;
  }
  return records;
}

test('canonical JSON sorts keys so equal content hashes equally', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } }),
    '{"a":{"c":null,"d":[1,{"e":2,"f":1}]},"b":1}',
  );
});

test('an untouched chain verifies', () => {
  const result = verifyChain(chain(5), sha);
  assert.deepEqual(result.ok, true);
});

test('an altered record is named', () => {
  const records = chain(5);
  records[2] = { ...records[2]!, details: { name: 'Xã khác' } };
  assert.deepEqual(verifyChain(records, sha), {
    ok: false,
    error: { kind: 'content', provinceCode: '68', seq: 3 },
  });
});

test('a deleted record is named as a gap', () => {
  const records = chain(5);
  records.splice(1, 1);
  assert.deepEqual(verifyChain(records, sha), {
    ok: false,
    error: { kind: 'gap', provinceCode: '68', expectedSeq: 2, foundSeq: 3 },
  });
});

test('a record re-hashed after tampering still breaks the next link', () => {
  const records = chain(4);
  const { hash: _h, ...content } = { ...records[1]!, action: 'tampered' };
  records[1] = { ...content, hash: recordHash(content, sha) };
  assert.deepEqual(verifyChain(records, sha), {
    ok: false,
    error: { kind: 'link', provinceCode: '68', seq: 3 },
  });
});
