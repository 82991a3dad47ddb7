import type { CalendarYear } from '../calendar-year.ts';
import { HOLIDAY, LABOR_CODE, compensatory, statutory, swap } from './names.ts';

// Labor Code 2019 art. 112 cl. 3: the Prime Minister sets the Tết and National Day days yearly; these two
// years follow the published civil-service schedules quoted in vn-rules.md §9.2 and vn-data.md §4.

const S32_2025 = 'civil-service schedule 2025, vn-rules.md §9.2 [S32]';
const mayDay2025 = swap(
  '2025-05-02',
  '2025-04-26',
  `${S32_2025}: 30/4–4/5/2025, Friday 2/5 swapped with Saturday 26/4`,
);

export const YEAR_2025: CalendarYear = {
  year: 2025,
  official: true,
  daysOff: [
    statutory('2025-01-01', HOLIDAY.newYear, LABOR_CODE),
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) =>
      statutory(date, HOLIDAY.tet, `${S32_2025}: Tết 25/1–2/2/2025, 9 days (5 weekdays + 2 weekends)`),
    ),
    statutory('2025-04-07', HOLIDAY.hungKings, `${S32_2025}: Giỗ Tổ Monday 7/4/2025`),
    statutory('2025-04-30', HOLIDAY.victory, `${S32_2025}: 30/4–4/5/2025`),
    statutory('2025-05-01', HOLIDAY.labour, `${S32_2025}: 30/4–4/5/2025`),
    mayDay2025.dayOff,
    // 30/8–2/9/2025 (Sat–Tue, 4 days): 2/9 is a Tuesday, so the adjacent day is Monday 1/9.
    statutory('2025-09-01', HOLIDAY.nationalDayAdjacent, `${S32_2025}: Quốc khánh 30/8–2/9/2025`),
    statutory('2025-09-02', HOLIDAY.nationalDay, `${S32_2025}: Quốc khánh 30/8–2/9/2025`),
  ],
  makeUpWorkingDays: [mayDay2025.makeUp],
};

const S32_2026 = 'civil-service schedule 2026, vn-rules.md §9.2 [S32]';
const newYear2026 = swap(
  '2026-01-02',
  '2026-01-10',
  'Tết Dương lịch 1/1–4/1/2026, Friday 2/1 swapped with Saturday 10/1 (văn bản 12729/VPCP-KGVX 25/12/2025, vn-data.md §4)',
);
const hungKings2026 = statutory('2026-04-26', HOLIDAY.hungKings, `${S32_2026}: Giỗ Tổ Sunday 26/4/2026`);

export const YEAR_2026: CalendarYear = {
  year: 2026,
  official: true,
  note: 'The National Day adjacent day (1/9 or 3/9) was not found in the sources: 1/9 is assumed.',
  daysOff: [
    statutory('2026-01-01', HOLIDAY.newYear, LABOR_CODE),
    newYear2026.dayOff,
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) =>
      statutory(date, HOLIDAY.tet, `${S32_2026}: Tết 14/2–22/2/2026, 9 days (5 weekdays + 2 weekends)`),
    ),
    hungKings2026,
    compensatory('2026-04-27', hungKings2026, `${S32_2026}: Giỗ Tổ observed Monday 27/4/2026`),
    statutory('2026-04-30', HOLIDAY.victory, `${S32_2026}: 30/4 (Thu)`),
    statutory('2026-05-01', HOLIDAY.labour, `${S32_2026}: 1/5 (Fri)`),
    statutory('2026-09-01', HOLIDAY.nationalDayAdjacent, `${LABOR_CODE}, point đ: 2/9 + 1 adjacent day`, {
      uncertain: '2/9/2026 is a Wednesday; whether the PM chose Tue 1/9 or Thu 3/9 was not found',
    }),
    statutory('2026-09-02', HOLIDAY.nationalDay, LABOR_CODE),
  ],
  makeUpWorkingDays: [newYear2026.makeUp],
};
