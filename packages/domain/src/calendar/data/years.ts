import type { CalendarYear } from '../calendar-year.ts';
import { YEAR_2025, YEAR_2026 } from './official.ts';
import { YEAR_2021, YEAR_2022, YEAR_2023, YEAR_2024, YEAR_2027 } from './statutory-only.ts';

/**
 * The calendar years shipped with motcua, oldest first. 2025 and 2026 follow the published schedules;
 * 2021–2024 and 2027 hold the statutory days only (`official: false`) and must be completed by an
 * administrator. A server seeds its editable calendar table from this list.
 */
export const SHIPPED_CALENDAR_YEARS: readonly CalendarYear[] = [
  YEAR_2021,
  YEAR_2022,
  YEAR_2023,
  YEAR_2024,
  YEAR_2025,
  YEAR_2026,
  YEAR_2027,
];
