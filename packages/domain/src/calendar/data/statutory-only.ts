import type { CalendarYear, DayOff } from '../calendar-year.ts';
import { HOLIDAY, LABOR_CODE, compensatory, statutory, swap } from './names.ts';

// Statutory days only (Labor Code 2019 art. 112 cl. 1): the government's yearly swap schedule was not found
// (vn-rules.md §12 item 9), so an administrator must complete these years before relying on them.
const NOTE = "statutory days only; the government's yearly swap schedule was not found";
// The 5 Tết days: the weekdays in the span listed by vacanza/holidays (vn-data.md §4 table).
const TET = 'Tết: weekdays of the span in vn-data.md §4 (vacanza/holidays VN_COMMON); lunar dates vn-rules.md §9.2';
const HUNG = 'lunar 10/3, vn-rules.md §9.2 (Hồ Ngọc Đức algorithm, UTC+7)';
// Point đ gives 2/9 + "1 adjacent day before or after" and cl. 3 lets the PM choose; reconstructed here as
// the weekday joining 2/9 to a weekend (Thu → Fri, Fri → Thu, Sat → Fri, Mon → Tue).
const ADJACENT = `${LABOR_CODE}, point đ: 2/9 + 1 adjacent day`;
const ADJACENT_UNCERTAIN = 'which adjacent day was chosen is reconstructed, not read in a decision';

const tet = (dates: string[]): DayOff[] => dates.map((date) => statutory(date, HOLIDAY.tet, TET));
const adjacent = (date: string): DayOff =>
  statutory(date, HOLIDAY.nationalDayAdjacent, ADJACENT, { uncertain: ADJACENT_UNCERTAIN });

const may2021 = statutory('2021-05-01', HOLIDAY.labour, LABOR_CODE);
export const YEAR_2021: CalendarYear = {
  year: 2021,
  official: false,
  note: NOTE,
  daysOff: [
    statutory('2021-01-01', HOLIDAY.newYear, LABOR_CODE),
    ...tet(['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']),
    statutory('2021-04-21', HOLIDAY.hungKings, HUNG),
    statutory('2021-04-30', HOLIDAY.victory, LABOR_CODE),
    may2021,
    compensatory('2021-05-03', may2021),
    statutory('2021-09-02', HOLIDAY.nationalDay, LABOR_CODE),
    adjacent('2021-09-03'),
  ],
  makeUpWorkingDays: [],
};

const newYear2022 = statutory('2022-01-01', HOLIDAY.newYear, LABOR_CODE);
const hung2022 = statutory('2022-04-10', HOLIDAY.hungKings, HUNG);
const victory2022 = statutory('2022-04-30', HOLIDAY.victory, LABOR_CODE);
const may2022 = statutory('2022-05-01', HOLIDAY.labour, LABOR_CODE);
export const YEAR_2022: CalendarYear = {
  year: 2022,
  official: false,
  note: NOTE,
  daysOff: [
    newYear2022,
    compensatory('2022-01-03', newYear2022),
    ...tet(['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']),
    hung2022,
    compensatory('2022-04-11', hung2022),
    victory2022,
    may2022,
    compensatory('2022-05-02', victory2022),
    compensatory('2022-05-03', may2022),
    adjacent('2022-09-01'),
    statutory('2022-09-02', HOLIDAY.nationalDay, LABOR_CODE),
  ],
  makeUpWorkingDays: [],
};

const newYear2023 = statutory('2023-01-01', HOLIDAY.newYear, LABOR_CODE);
const hung2023 = statutory('2023-04-29', HOLIDAY.hungKings, HUNG);
const victory2023 = statutory('2023-04-30', HOLIDAY.victory, LABOR_CODE);
const national2023 = statutory('2023-09-02', HOLIDAY.nationalDay, LABOR_CODE);
export const YEAR_2023: CalendarYear = {
  year: 2023,
  official: false,
  note: NOTE,
  daysOff: [
    newYear2023,
    compensatory('2023-01-02', newYear2023),
    ...tet(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']),
    hung2023,
    victory2023,
    statutory('2023-05-01', HOLIDAY.labour, LABOR_CODE),
    // Sat 29/4 and Sun 30/4 move past Monday 1/5 (itself a holiday) to Tue 2/5 and Wed 3/5.
    compensatory('2023-05-02', hung2023),
    compensatory('2023-05-03', victory2023),
    adjacent('2023-09-01'),
    national2023,
    compensatory('2023-09-04', national2023),
  ],
  makeUpWorkingDays: [],
};

// The one swap vn-data.md §4 reports for these years: vacanza/holidays has 29/4/2024 off, worked 4/5/2024.
const bridge2024 = swap(
  '2024-04-29',
  '2024-05-04',
  'vacanza/holidays static substitute day (vn-data.md §4); government text not read',
  { uncertain: 'from a holiday library, not from the government decision' },
);
export const YEAR_2024: CalendarYear = {
  year: 2024,
  official: false,
  note: `${NOTE} (one swap day from vacanza/holidays is included)`,
  daysOff: [
    statutory('2024-01-01', HOLIDAY.newYear, LABOR_CODE),
    ...tet(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']),
    statutory('2024-04-18', HOLIDAY.hungKings, HUNG),
    bridge2024.dayOff,
    statutory('2024-04-30', HOLIDAY.victory, LABOR_CODE),
    statutory('2024-05-01', HOLIDAY.labour, LABOR_CODE),
    statutory('2024-09-02', HOLIDAY.nationalDay, LABOR_CODE),
    adjacent('2024-09-03'),
  ],
  makeUpWorkingDays: [bridge2024.makeUp],
};

const may2027 = statutory('2027-05-01', HOLIDAY.labour, LABOR_CODE);
export const YEAR_2027: CalendarYear = {
  year: 2027,
  official: false,
  note: NOTE,
  daysOff: [
    statutory('2027-01-01', HOLIDAY.newYear, LABOR_CODE),
    // Mùng 1 Tết = Sat 6/2/2027 (vn-rules.md §9.2, VERIFIED [S32]).
    ...tet(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']),
    statutory('2027-04-16', HOLIDAY.hungKings, HUNG),
    statutory('2027-04-30', HOLIDAY.victory, LABOR_CODE),
    may2027,
    compensatory('2027-05-03', may2027),
    statutory('2027-09-02', HOLIDAY.nationalDay, LABOR_CODE),
    adjacent('2027-09-03'),
  ],
  makeUpWorkingDays: [],
};
