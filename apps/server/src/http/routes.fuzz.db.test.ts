import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Session, type TestApp } from '../../test/app.ts';
import { storeLabel } from '../../test/store.ts';

/**
 * Schema-driven fuzzing of every route in the OpenAPI document: malformed bodies, wrong types, missing and
 * extra fields, bad path ids and query strings must all get a 4xx problem+json, never a 500.
 */
interface Operation {
  method: string;
  path: string;
  body?: { properties?: Record<string, unknown>; required?: string[] };
  hasQuery: boolean;
  public: boolean;
}

function operations(spec: {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: object }> };
        parameters?: { in: string }[];
        security?: unknown[];
      }
    >
  >;
}): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      ...(op.requestBody ? { body: op.requestBody.content['application/json']!.schema } : {}),
      hasQuery: (op.parameters ?? []).some((p) => p.in === 'query'),
      public: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
}

function assertProblem(response: LightMyRequestResponse, what: string, expect4xx = true) {
  assert.ok(response.statusCode < 500, `${what}: got ${response.statusCode} ${response.body}`);
  if (expect4xx) assert.ok(response.statusCode >= 400, `${what}: expected a 4xx, got ${response.statusCode}`);
  if (response.statusCode >= 400) {
    assert.match(String(response.headers['content-type']), /application\/problem\+json/, what);
    const body = response.json();
    assert.equal(typeof body.title, 'string', what);
    assert.equal(body.status, response.statusCode, what);
    assert.ok(!/\bat .+:\d+:\d+/.test(response.body), `${what}: a stack trace leaked`);
  }
}

interface FieldSchema {
  type?: string | string[];
  anyOf?: FieldSchema[];
  enum?: unknown[];
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/** Values that break a field's schema: every other JSON type, and the edges of its own type. */
function badValuesFor(schema: FieldSchema): unknown[] {
  const types = new Set(
    [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat().filter(Boolean) as string[],
  );
  if (schema.enum) types.add('string');
  const values: unknown[] = [];
  const others: [string, unknown][] = [
    ['string', 'x'],
    ['integer', 42],
    ['number', 1.5],
    ['boolean', true],
    ['array', []],
    ['object', { nested: { deep: 1 } }],
    ['null', null],
  ];
  for (const [type, value] of others) {
    if (types.has(type) || (type === 'integer' && types.has('number'))) continue;
    if (type === 'string' && types.has('string')) continue;
    values.push(value);
  }
  if (schema.maxLength !== undefined) values.push('ồ'.repeat(schema.maxLength + 1));
  if (schema.minLength !== undefined && schema.minLength > 0) values.push('');
  if (schema.pattern || schema.format || schema.enum) values.push('không hợp lệ !\u0000');
  if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1);
  if (types.has('integer')) values.push(2.5);
  if (schema.maxItems !== undefined) values.push(Array.from({ length: schema.maxItems + 1 }, () => 'x'));
  return values;
}

describe(`fuzzing every route (${storeLabel})`, () => {
  let t: TestApp;
  let admin: Session;
  // Applications are the desk's: the administrator does not handle citizens' files.
  let desk: Session;
  // Only a leader signs results.
  let leader: Session;
  const sessionFor = (op: Operation) =>
    op.path.endsWith('/sign') ? leader : op.path.startsWith('/api/applications') ? desk : admin;
  let ops: Operation[];
  before(async () => {
    t = await createTestApp();
    admin = await t.login('quantri');
    desk = await t.login('motcua');
    leader = await t.login('lanhdao');
    ops = operations(t.app.server.swagger() as never);
  });
  after(() => t.dispose());

  const url = (op: Operation, id = '00000000-0000-4000-8000-000000000000') => op.path.replace('{id}', id);
  const send = (
    op: Operation,
    payload: string | undefined,
    path = url(op),
    headers: Record<string, string> = {},
  ) =>
    t.app.server.inject({
      method: op.method as 'POST',
      url: path,
      headers: {
        cookie: sessionFor(op).cookie,
        'x-csrf-token': sessionFor(op).csrfToken,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload }),
    });

  test('malformed JSON, wrong top-level types and empty bodies are 4xx problems', async () => {
    for (const op of ops.filter((o) => o.body)) {
      for (const payload of ['{', '{"a":', 'null', '[]', '42', '"text"', '', '\u0000']) {
        assertProblem(await send(op, payload), `${op.method} ${op.path} body ${JSON.stringify(payload)}`);
      }
      assertProblem(
        await send(op, '{}', url(op), { 'content-type': 'text/plain' }),
        `${op.method} ${op.path} text/plain`,
      );
    }
  });

  test('each field with a wrong value, each required field missing, and unknown fields are 4xx problems naming the field', async () => {
    for (const op of ops.filter((o) => o.body?.properties)) {
      const fields = Object.keys(op.body!.properties!);
      for (const field of op.body!.required ?? []) {
        const response = await send(op, JSON.stringify({}));
        assertProblem(response, `${op.method} ${op.path} missing ${field}`);
      }
      for (const field of fields) {
        for (const value of badValuesFor(op.body!.properties![field] as FieldSchema)) {
          const response = await send(op, JSON.stringify({ [field]: value }));
          assertProblem(response, `${op.method} ${op.path} ${field}=${JSON.stringify(value).slice(0, 30)}`);
        }
      }
      const extra = await send(op, JSON.stringify({ unexpectedField: 1 }));
      assertProblem(extra, `${op.method} ${op.path} unexpected field`);
      assert.ok(extra.json().field, `${op.method} ${op.path}: the problem names the field`);
    }
  });

  test('bad path ids and unknown query parameters are 4xx problems', async () => {
    for (const op of ops.filter((o) => o.path.includes('{id}'))) {
      for (const id of ['1', 'not-a-uuid', "' OR 1=1 --", '%00', 'a'.repeat(300)]) {
        assertProblem(
          await send(op, op.body ? '{}' : undefined, url(op, encodeURIComponent(id))),
          `${op.method} ${op.path} id=${id}`,
        );
      }
    }
    for (const op of ops.filter((o) => o.hasQuery)) {
      assertProblem(await send(op, undefined, `${url(op)}?bogus=1`), `${op.method} ${op.path}?bogus`);
      assertProblem(
        await send(op, undefined, `${url(op)}?at=yesterday&limit=-5&unitId=x&provinceCode=abc`),
        `${op.method} ${op.path} bad query`,
      );
    }
  });

  test('property: any JSON value as a body never yields a 5xx', async () => {
    const writes = ops.filter((o) => o.body);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), async (op, value) => {
        assertProblem(
          await send(op, JSON.stringify(value)),
          `${op.method} ${op.path} ${JSON.stringify(value).slice(0, 60)}`,
          false,
        );
      }),
      { numRuns: 200 },
    );
  });

  test('unknown routes and methods are 404 problems; a body over 1 MiB is a 413 problem', async () => {
    assertProblem(await t.app.server.inject({ method: 'GET', url: '/api/does-not-exist' }), 'unknown route');
    assertProblem(await t.app.server.inject({ method: 'PUT', url: '/api/units' }), 'unknown method');
    const big = await send(
      ops.find((o) => o.path === '/api/units' && o.method === 'POST')!,
      JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    );
    assert.equal(big.statusCode, 413);
    assertProblem(big, 'large body');
  });

  test('without a session every protected route is a 401 problem', async () => {
    for (const op of ops.filter((o) => !o.public)) {
      const response = await t.app.server.inject({
        method: op.method as 'GET',
        url: url(op),
        ...(op.body ? { payload: {} } : {}),
      });
      assert.equal(response.statusCode, 401, `${op.method} ${op.path}`);
      assertProblem(response, `${op.method} ${op.path} anonymous`);
    }
  });
});
