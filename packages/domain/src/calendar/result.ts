import { text, type Text } from '../errors.ts';

/**
 * What a calendar computation can fail with. A year that is not in the data is an error, never "all
 * working days": a deadline computed over a missing Tết would be wrong by a week.
 */
export type CalendarError =
  | { kind: 'CalendarYearMissing'; year: number; detail: Text }
  | { kind: 'Invalid'; field: string; detail: Text };

export type CalendarResult<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

export const success = <T>(value: T): CalendarResult<T> => ({ ok: true, value });

export const yearMissing = <T>(year: number): CalendarResult<T> => ({
  ok: false,
  error: {
    kind: 'CalendarYearMissing',
    year,
    detail: text(
      `Chưa có lịch ngày nghỉ năm ${year}: quản trị viên cần nhập lịch nghỉ lễ, Tết và ngày làm bù của năm này.`,
      `No working calendar for ${year}: an administrator must enter that year's holidays and swap days.`,
    ),
  },
});

export const invalid = <T>(field: string, vi: string, en: string): CalendarResult<T> => ({
  ok: false,
  error: { kind: 'Invalid', field, detail: text(vi, en) },
});
