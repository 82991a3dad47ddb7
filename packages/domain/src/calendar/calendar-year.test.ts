import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCalendarYear, type CalendarYear, type DayOff } from './calendar-year.ts';
import { SHIPPED_CALENDAR_YEARS } from './data/years.ts';
import { isWeekend } from './dates.ts';

const tet = { vi: 'Tết', en: 'Tết' };
const holiday = (date: string, extra: Partial<DayOff> = {}): DayOff => ({
  date,
  name: tet,
  kind: 'statutory',
  source: 'test',
  ...extra,
});
const year = (extra: Partial<CalendarYear> = {}): CalendarYear => ({
  year: 2025,
  official: true,
  daysOff: [],
  makeUpWorkingDays: [],
  ...extra,
});
const codes = (y: CalendarYear) => validateCalendarYear(y).map((p) => `${p.code}@${p.date ?? ''}`);

test('every shipped year validates without a problem', () => {
  for (const y of SHIPPED_CALENDAR_YEARS) assert.deepEqual(validateCalendarYear(y), [], `year ${y.year}`);
});

test('the shipped years are 2021–2027; only 2025 and 2026 are official schedules', () => {
  assert.deepEqual(
    SHIPPED_CALENDAR_YEARS.map((y) => [y.year, y.official]),
    [
      [2021, false],
      [2022, false],
      [2023, false],
      [2024, false],
      [2025, true],
      [2026, true],
      [2027, false],
    ],
  );
  for (const y of SHIPPED_CALENDAR_YEARS.filter((y) => !y.official))
    assert.match(y.note ?? '', /statutory days only/);
});

test('every entry names its source', () => {
  for (const y of SHIPPED_CALENDAR_YEARS) {
    for (const d of [...y.daysOff, ...y.makeUpWorkingDays]) assert.ok(d.source.length > 10, `${d.date}`);
  }
});

test('each year has the 11 statutory days of Labor Code 2019 art. 112, counted on weekdays or compensated', () => {
  for (const y of SHIPPED_CALENDAR_YEARS) {
    const statutory = y.daysOff.filter((d) => d.kind === 'statutory');
    assert.equal(statutory.length, 11, `year ${y.year}`);
    const tetDays = statutory.filter((d) => d.name.vi === 'Tết Nguyên đán');
    assert.equal(tetDays.length, 5, `Tết ${y.year}`);
    assert.ok(
      tetDays.every((d) => !isWeekend(d.date)),
      `Tết weekdays ${y.year}`,
    );
  }
});

test('2025: Fri 2/5 is a bridge day worked on Sat 26/4; National Day is Mon 1/9 + Tue 2/9', () => {
  const y = SHIPPED_CALENDAR_YEARS.find((y) => y.year === 2025);
  const bridge = y?.daysOff.find((d) => d.date === '2025-05-02');
  assert.equal(bridge?.kind, 'bridge');
  assert.equal(bridge?.swappedWith, '2025-04-26');
  assert.deepEqual(
    y?.makeUpWorkingDays.map((d) => [d.date, d.swapsWith]),
    [['2025-04-26', '2025-05-02']],
  );
  assert.deepEqual(
    y?.daysOff.filter((d) => d.date.startsWith('2025-09')).map((d) => d.date),
    ['2025-09-01', '2025-09-02'],
  );
});

test('2026: Fri 2/1 swapped with Sat 10/1; Hùng Vương Sun 26/4 compensated Mon 27/4; the 1/9 choice is flagged', () => {
  const y = SHIPPED_CALENDAR_YEARS.find((y) => y.year === 2026);
  assert.equal(y?.daysOff.find((d) => d.date === '2026-01-02')?.swappedWith, '2026-01-10');
  assert.equal(y?.daysOff.find((d) => d.date === '2026-04-27')?.compensatesFor, '2026-04-26');
  assert.match(y?.daysOff.find((d) => d.date === '2026-09-01')?.uncertain ?? '', /Wednesday/);
});

test('a clean year has no problems', () => {
  assert.deepEqual(codes(year({ daysOff: [holiday('2025-01-01')] })), []);
});

test('rejects an impossible year number', () => {
  assert.deepEqual(codes(year({ year: 25 })), ['invalid_year@']);
});

test('reports an invalid date, a date outside the year and a duplicate', () => {
  assert.deepEqual(
    codes(
      year({
        daysOff: [holiday('2025-02-30'), holiday('2024-12-31'), holiday('2025-01-01'), holiday('2025-01-01')],
      }),
    ),
    ['invalid_date@2025-02-30', 'outside_year@2024-12-31', 'duplicate_date@2025-01-01'],
  );
});

test('a day listed both off and as a make-up day is a duplicate', () => {
  const y = year({
    daysOff: [holiday('2025-04-30'), holiday('2025-05-02', { kind: 'bridge', swappedWith: '2025-04-26' })],
    makeUpWorkingDays: [
      { date: '2025-04-26', swapsWith: '2025-05-02', source: 'x' },
      { date: '2025-04-30', swapsWith: '2025-05-02', source: 'x' },
    ],
  });
  assert.ok(codes(y).includes('duplicate_date@2025-04-30'));
});

test('a make-up working day must be a Saturday or Sunday', () => {
  const y = year({
    daysOff: [holiday('2025-05-02', { kind: 'bridge', swappedWith: '2025-04-25' })],
    makeUpWorkingDays: [{ date: '2025-04-25', swapsWith: '2025-05-02', source: 'x' }],
  });
  assert.deepEqual(codes(y), ['make_up_not_weekend@2025-04-25']);
});

test('a holiday on a weekend needs a compensatory day pointing at it', () => {
  assert.deepEqual(codes(year({ year: 2026, daysOff: [holiday('2026-04-26')] })), [
    'weekend_holiday_not_compensated@2026-04-26',
  ]);
  const fixed = year({
    year: 2026,
    daysOff: [
      holiday('2026-04-26'),
      holiday('2026-04-27', { kind: 'compensatory', compensatesFor: '2026-04-26' }),
    ],
  });
  assert.deepEqual(codes(fixed), []);
});

test('a compensatory or bridge day on a weekend is reported', () => {
  const y = year({
    daysOff: [
      holiday('2025-04-26', { kind: 'bridge' }),
      holiday('2025-04-27', { kind: 'compensatory', compensatesFor: '2025-04-26' }),
    ],
  });
  assert.deepEqual(codes(y), [
    'day_off_on_weekend@2025-04-26',
    'day_off_on_weekend@2025-04-27',
    'compensation_target_missing@2025-04-27',
  ]);
});

test('a compensatory day must point at a statutory holiday on a weekend of the year', () => {
  const y = year({
    daysOff: [
      holiday('2025-01-01'),
      holiday('2025-01-02', { kind: 'compensatory', compensatesFor: '2025-01-01' }),
    ],
  });
  assert.deepEqual(codes(y), ['compensation_target_missing@2025-01-02']);
});

test('a bridge day and its make-up day must point at each other', () => {
  const y = year({
    daysOff: [holiday('2025-05-02', { kind: 'bridge', swappedWith: '2025-04-26' })],
    makeUpWorkingDays: [{ date: '2025-04-19', swapsWith: '2025-05-02', source: 'x' }],
  });
  assert.deepEqual(codes(y), ['bridge_without_make_up@2025-05-02', 'make_up_without_bridge@2025-04-19']);
});

test('a bridge day given outright (no make-up day) is allowed', () => {
  assert.deepEqual(codes(year({ daysOff: [holiday('2025-05-02', { kind: 'bridge' })] })), []);
});

test('a make-up day swapping with a day of another year is not checked against this year', () => {
  const y = year({ makeUpWorkingDays: [{ date: '2025-12-27', swapsWith: '2026-01-02', source: 'x' }] });
  assert.deepEqual(codes(y), []);
});

test('an entry without a source is reported', () => {
  assert.deepEqual(codes(year({ daysOff: [holiday('2025-01-01', { source: ' ' })] })), [
    'missing_source@2025-01-01',
  ]);
});
