import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../test/process.ts';
import { openApiText } from './openapi.ts';

test('the committed docs/openapi.json matches the routes (run `npm run openapi` after changing a schema)', async () => {
  const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs/openapi.json'), 'utf8');
  assert.equal(committed, await openApiText(), 'docs/openapi.json is stale: run `npm run openapi`');
});

test('the document is OpenAPI 3.1 and every operation declares its responses', async () => {
  const spec = JSON.parse(await openApiText()) as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  assert.equal(spec.openapi, '3.1.0');
  for (const [route, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods))
      assert.ok(
        Object.keys(op.responses).some((status) => /^[23]\d\d$/.test(status)),
        `${method} ${route}`,
      );
  }
});
