import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { CATALOG } from './data/catalog.ts';
import { MEDIA_TYPES } from './procedures.files.ts';
import { proceduresRepository, tables } from './procedures.repository.ts';
import { seedProcedureCatalog } from './procedures.seed.ts';
import { COLUMNS, headerOf, type ColumnKey } from './procedures.sheet.ts';

const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

describe(`procedure catalogue export and import (${storeLabel})`, () => {
  let t: TestApp;
  let admin: Session;
  const exported = async (format: 'csv' | 'xlsx') => {
    const response = await t.app.server.inject({
      method: 'GET',
      url: `/api/procedures/export?format=${format}`,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.rawPayload;
  };
  const csvRecords = (file: Buffer): string[][] => parse(file, { bom: true });
  const csvFile = (records: string[][]) => Buffer.from(stringify(records, { bom: true }), 'utf8');
  const importFile = (format: 'csv' | 'xlsx', body: Buffer, dryRun = false, session = admin) =>
    session.request('POST', `/api/procedures/import?format=${format}&dryRun=${dryRun}`, body, {
      'content-type': MEDIA_TYPES[format],
    });
  const current = () => proceduresRepository.listCurrent(t.app.store.db);
  /** Versions and catalogue audit records: both stay put when an import writes nothing. */
  const writes = async () => {
    const db = t.app.store.db;
    const versions = await tables(db).selectFrom('procedure_versions').select('id').execute();
    const audit = await db.selectFrom('audit_log').select('seq').where('province_code', '=', '00').execute();
    return `${versions.length} versions, ${audit.length} audit records`;
  };

  before(async () => {
    t = await createTestApp();
    await seedProcedureCatalog(t.app.store.db);
    admin = await t.login('quantri');
  });
  after(() => t.dispose());

  test('CSV: UTF-8 with BOM, Vietnamese header row, one row per procedure, documents one per line', async () => {
    const file = await exported('csv');
    assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const records = csvRecords(file);
    assert.deepEqual(
      records[0],
      COLUMNS.map((c) => c.header),
    );
    assert.equal(records.length, 1 + CATALOG.length);
    const birth = records.find((r) => r[0] === '1.001193')!;
    assert.equal(birth[col('documents')]!.split('\n').length, 4);
    assert.match(birth[col('documents')]!, /^Tờ khai đăng ký khai sinh theo mẫu \[bản chính × 1\] — /);
    assert.equal(birth[col('timeUnit')], '', 'a bare number keeps an empty unit');
  });

  test('XLSX: a title row, the header row frozen, column widths, documents one per line', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    assert.match(sheet.getCell(1, 1).text, /^DANH MỤC THỦ TỤC HÀNH CHÍNH/);
    assert.deepEqual(
      (sheet.getRow(2).values as unknown[]).slice(1),
      COLUMNS.map((c) => c.header),
    );
    assert.equal(sheet.views[0]!.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit: number }).ySplit, 2);
    assert.equal(sheet.getColumn(col('name') + 1).width, 60);
    assert.equal(sheet.rowCount, 2 + CATALOG.length);
    const birth = sheet.getRows(3, CATALOG.length)!.find((r) => r.getCell(1).value === '1.001193')!;
    assert.equal(birth.getCell(col('documents') + 1).text.split('\n').length, 4);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    test(`${format.toUpperCase()} export → import reports everything unchanged and writes nothing`, async () => {
      const before = await writes();
      const response = await importFile(format, await exported(format));
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), {
        created: 0,
        updated: 0,
        unchanged: CATALOG.length,
        dryRun: false,
        errors: [],
      });
      assert.equal(await writes(), before);
    });
  }

  test('Vietnamese text is preserved exactly (NFC) through CSV and XLSX', async () => {
    const rows = await current();
    const records = csvRecords(await exported('csv'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    for (const row of rows) {
      const record = records.find((r) => r[0] === row.code)!;
      const cells = sheet.getRows(3, rows.length)!.find((r) => r.getCell(1).value === row.code)!;
      for (const [key, value] of [
        ['name', row.name],
        ['field', row.field],
        ['feeText', row.feeText],
      ] as const) {
        assert.equal(value, value.normalize('NFC'));
        assert.equal(record[col(key)], value, `${row.code} ${key} in CSV`);
        assert.equal(cells.getCell(col(key) + 1).value, value, `${row.code} ${key} in XLSX`);
      }
    }
    // Decomposed (NFD) text, as some editors write it, is the same text: nothing changes.
    const nfd = records.map((r, i) => (i === 0 ? r : r.map((cell) => cell.normalize('NFD'))));
    const response = await importFile('csv', csvFile(nfd));
    assert.equal(response.json().unchanged, CATALOG.length, response.body);
  });

  test('an edited row writes a new version, a new row creates a procedure; a dry run only counts', async () => {
    const records = csvRecords(await exported('csv'));
    const edited = records.findIndex((r) => r[0] === '1.004222');
    records[edited]![col('timeAmount')] = '5';
    records[edited]![col('timeText')] = '5 ngày làm việc';
    records.push([...records[edited]!]);
    records.at(-1)![0] = '9.912345';
    records.at(-1)![col('name')] = 'Thủ tục nhập từ bảng tính';
    const dry = await importFile('csv', csvFile(records), true);
    assert.deepEqual(dry.json(), {
      created: 1,
      updated: 1,
      unchanged: CATALOG.length - 1,
      dryRun: true,
      errors: [],
    });
    assert.equal((await admin.request('GET', '/api/procedures/9.912345')).statusCode, 404);
    const done = await importFile('csv', csvFile(records));
    assert.deepEqual([done.json().created, done.json().updated], [1, 1]);
    const versions = (await admin.request('GET', '/api/procedures/1.004222/versions')).json().items;
    assert.deepEqual(
      versions.map((v: { timeAmount: number }) => v.timeAmount),
      [7, 5],
    );
    assert.equal(
      (await admin.request('GET', '/api/procedures/9.912345')).json().name,
      'Thủ tục nhập từ bảng tính',
    );
  });

  test('a bad row: 422 naming row and column for every error, and nothing is written', async () => {
    const records = csvRecords(await exported('csv'));
    const good = records.findIndex((r) => r[0] === '1.000894');
    records[good]![col('feeText')] = 'Miễn phí (sửa)';
    const bad = records.findIndex((r) => r[0] === '1.004837');
    records[bad]![col('timeUnit')] = 'không quy định';
    const worse = records.findIndex((r) => r[0] === '1.004845');
    records[worse]![col('levels')] = 'huyện';
    records[worse]![col('cutoffHour')] = 'chiều';
    const before = await writes();
    const response = await importFile('csv', csvFile(records), false);
    assert.equal(response.statusCode, 422, response.body);
    assert.match(String(response.headers['content-type']), /problem\+json/);
    const errors = response.json().errors as { row: number; column: string; field: string }[];
    assert.deepEqual(
      errors.map((e) => [e.row, e.column]),
      [
        [bad + 1, headerOf('timeAmount')],
        [worse + 1, headerOf('cutoffHour')],
      ],
    );
    assert.equal(response.json().field, `/body/${bad + 1}/${headerOf('timeAmount')}`);
    assert.equal(await writes(), before);
    assert.equal((await admin.request('GET', '/api/procedures/1.000894')).json().feeText, 'Miễn phí');
    // With the unreadable cell fixed, the district rule is reported on the levels column.
    records[worse]![col('cutoffHour')] = '';
    const next = await importFile('csv', csvFile(records), true);
    assert.deepEqual(
      next.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]),
      [
        [bad + 1, headerOf('timeAmount')],
        [worse + 1, headerOf('levels')],
      ],
    );
  });

  test('duplicate codes, a missing column, an unreadable file, a wrong media type are all reported', async () => {
    const records = csvRecords(await exported('csv'));
    const twice = await importFile('csv', csvFile([...records, records[1]!]), true);
    assert.deepEqual(
      twice.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]),
      [[records.length + 1, 'Mã TTHC']],
    );
    const missing = await importFile('csv', csvFile(records.map((r) => r.slice(0, -1))), true);
    assert.deepEqual(missing.json().errors[0].column, 'Nguồn dữ liệu');
    const garbage = await importFile('xlsx', Buffer.from('not a zip file'));
    assert.deepEqual([garbage.statusCode, garbage.json().field], [422, '/body']);
    const mismatch = await admin.request('POST', '/api/procedures/import?format=xlsx', csvFile(records), {
      'content-type': 'text/csv',
    });
    assert.deepEqual([mismatch.statusCode, mismatch.json().field], [422, '/headers/content-type']);
    const json = await admin.request('POST', '/api/procedures/import?format=csv', { rows: [] });
    assert.equal(json.statusCode, 415);
    const huge = await importFile('csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    assert.equal(huge.statusCode, 413);
  });

  test('only a catalogue manager imports: receptionist 403, anonymous 401; export is public', async () => {
    const file = await exported('csv');
    const receptionist = await t.login('motcua');
    assert.equal((await importFile('csv', file, true, receptionist)).statusCode, 403);
    const anonymous = await t.app.server.inject({
      method: 'POST',
      url: '/api/procedures/import?format=csv',
      payload: file,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
