import type { ProceduresService } from '../procedures/procedures.service.ts';
import type { ProcedureLookup, TimeUnit } from './ports.ts';

/**
 * The catalog seen from the desk. The portal prints some limits as a bare number ("1 (không ghi đơn vị)",
 * vn-data.md §3): read as working days, the unit the Law on Civil Status uses for these procedures — an
 * assumption (docs/GLOSSARY.md), kept here in one place. "giờ" is read as office hours; limits in months have
 * no computed appointment (the officer sets it).
 */
export function procedureLookup(procedures: ProceduresService): ProcedureLookup {
  return {
    async find(code) {
      const found = await procedures.find(code);
      if (!found) return undefined;
      const unit: TimeUnit | null = found.timeUnitUnstated
        ? 'working_days'
        : found.timeUnit === 'working_days' || found.timeUnit === 'days' || found.timeUnit === 'working_hours'
          ? found.timeUnit
          : found.timeUnit === 'hours'
            ? 'working_hours'
            : null;
      return {
        code: found.code,
        version: found.version,
        name: found.name,
        time: unit !== null && found.timeAmount !== null ? { amount: found.timeAmount, unit } : null,
        cutoffHour: found.cutoffHour,
      };
    },
  };
}
