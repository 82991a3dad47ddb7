import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { STATES } from '../workflow/states.ts';
import { inputAttributes, validateFormData, validateFormDefinition, type FormField } from './fields.ts';
import { checkUploads, citizenNextStep, returnChannelsFor } from './online.ts';

const TODAY = '2026-11-27';
const label = (vi: string, en: string) => ({ vi, en });
const FORM: FormField[] = [
  {
    key: 'child_name',
    label: label('Họ, chữ đệm, tên', 'Full name'),
    type: 'text',
    required: true,
    maxLength: 10,
  },
  {
    key: 'birth_date',
    label: label('Ngày sinh', 'Date of birth'),
    type: 'date',
    required: true,
    notAfter: 'today',
  },
  {
    key: 'sex',
    label: label('Giới tính', 'Sex'),
    type: 'select',
    required: true,
    options: [
      { value: 'nam', label: label('Nam', 'Male') },
      { value: 'nu', label: label('Nữ', 'Female') },
    ],
  },
  {
    key: 'father_id',
    label: label('Số định danh của cha', 'Father’s ID'),
    type: 'id_number',
    required: false,
  },
  { key: 'phone', label: label('Số điện thoại', 'Phone'), type: 'phone', required: false },
  { key: 'email', label: label('E-mail', 'E-mail'), type: 'email', required: false },
  { key: 'note', label: label('Ghi chú', 'Note'), type: 'textarea', required: false },
];
const VALID = { child_name: 'Lê An', birth_date: '2026-11-20', sex: 'nu' };
const errorsOf = (input: unknown) => {
  const r = validateFormData(FORM, input, TODAY);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('validateFormData', () => {
  test('a complete form passes, trimmed and in NFC', () => {
    const r = validateFormData(FORM, { ...VALID, child_name: '  Le\u0302 An ', note: '' }, TODAY);
    assert.deepEqual(r, { ok: true, value: { ...VALID, child_name: 'Lê An' } });
  });

  test('every missing required field is named at once', () => {
    assert.deepEqual(errorsOf({}), ['child_name', 'birth_date', 'sex']);
    const r = validateFormData(FORM, {}, TODAY);
    assert.ok(!r.ok && r.errors[0]!.detail.vi === 'Nhập họ, chữ đệm, tên');
  });

  test('each type refuses what it must', () => {
    const bad: [string, string][] = [
      ['child_name', 'Nguyễn Văn Anh Tú'],
      ['birth_date', '2026-02-30'],
      ['birth_date', '27/11/2026'],
      ['birth_date', '2026-11-28'],
      ['sex', 'khac'],
      ['father_id', '12345678901'],
      ['father_id', '1234567890123'],
      ['phone', '12345'],
      ['email', 'not-an-address'],
    ];
    for (const [field, value] of bad)
      assert.deepEqual(errorsOf({ ...VALID, [field]: value }), [field], value);
    assert.deepEqual(errorsOf({ ...VALID, note: 'x'.repeat(2001) }), ['note']);
  });

  test('unknown keys and non-string values are refused, not dropped', () => {
    assert.deepEqual(errorsOf({ ...VALID, admin: 'yes' }), ['admin']);
    assert.deepEqual(errorsOf({ ...VALID, sex: ['nu'] }), ['sex']);
  });

  test('the limit counts characters, not UTF-16 units', () => {
    assert.deepEqual(errorsOf({ ...VALID, child_name: '𠀀'.repeat(10) }), []);
  });

  test('never throws on any input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        validateFormData(FORM, input, TODAY);
      }),
    );
  });
});

describe('inputAttributes: the browser checks the same limits', () => {
  test('attributes follow the definition', () => {
    assert.deepEqual(inputAttributes(FORM[0]!, TODAY), { required: true, maxlength: '10' });
    assert.deepEqual(inputAttributes(FORM[1]!, TODAY), { required: true, max: TODAY });
    assert.equal(inputAttributes(FORM[3]!, TODAY).pattern, '[0-9]{12}');
    assert.equal(inputAttributes(FORM[6]!, TODAY).maxlength, '2000');
  });

  test('a value matching the browser pattern passes the server too', () => {
    const pattern = new RegExp(`^(?:${String(inputAttributes(FORM[4]!, TODAY).pattern)})$`);
    fc.assert(
      fc.property(fc.stringMatching(/^(\+84|0)[0-9]{9,10}$/), (phone) => {
        assert.ok(pattern.test(phone));
        assert.deepEqual(errorsOf({ ...VALID, phone }), []);
      }),
    );
  });
});

describe('validateFormDefinition', () => {
  test('a good definition has no errors', () => assert.deepEqual(validateFormDefinition(FORM), []));
  test('bad keys, duplicates, empty labels and empty selects are named', () => {
    const bad: FormField[] = [
      { key: 'Bad Key', label: label('A', 'A'), type: 'text', required: false },
      { key: 'x', label: label('B', 'B'), type: 'text', required: false },
      { key: 'x', label: label(' ', 'C'), type: 'select', required: false },
    ];
    assert.deepEqual(
      validateFormDefinition(bad).map((e) => e.field),
      ['/fields/0/key', '/fields/2/key', '/fields/2/label', '/fields/2/options'],
    );
  });
});

describe('uploads, return channels and next steps', () => {
  const slots = [
    { name: 'Giấy chứng sinh', required: true },
    { name: 'Văn bản ủy quyền', required: false },
  ];
  test('a required slot left empty is named; one document at least', () => {
    assert.deepEqual(checkUploads(slots, [true, false]), []);
    assert.deepEqual(
      checkUploads(slots, [false, true]).map((e) => e.field),
      ['doc_1'],
    );
    const optional = [{ name: 'Giấy tờ khác', required: false }];
    assert.deepEqual(
      checkUploads(optional, [false]).map((e) => e.field),
      ['doc_1'],
    );
  });

  test('only a full online service returns the result online', () => {
    assert.ok(returnChannelsFor('full').includes('online'));
    assert.ok(!returnChannelsFor('partial').includes('online'));
    assert.deepEqual(returnChannelsFor('none'), []);
  });

  test('every state tells the citizen something in both languages', () => {
    for (const state of STATES)
      for (const channel of ['online', 'post', 'counter', null] as const) {
        const step = citizenNextStep(state, channel);
        assert.ok(step.vi.length > 10 && step.en.length > 10, state);
      }
  });
});
