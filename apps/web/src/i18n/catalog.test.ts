import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

const keys = Object.keys(vi) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

void test('both catalogs have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), [...keys].sort());
});

void test('every message has the same placeholders in both languages', () => {
  for (const key of keys) assert.deepEqual(placeholders(en[key]), placeholders(vi[key]), key);
});

void test('texts are NFC-normalised, trimmed and not empty', () => {
  for (const key of keys) {
    for (const text of [vi[key], en[key]]) {
      assert.equal(text, text.normalize('NFC'), key);
      assert.equal(text, text.trim(), key);
      assert.ok(text.length > 0, key);
    }
  }
});
