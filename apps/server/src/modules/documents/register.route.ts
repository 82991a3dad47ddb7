import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '@motcua/contracts/common';
import { fail, text } from '@motcua/domain/errors';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { applicationsRepository } from '../applications/applications.repository.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import type { UnitsService } from '../units/units.service.ts';
import { regimeOf } from './forms-data.ts';
import { applicantOf, headerOf } from './receipt-data.ts';
import { renderRegister, type RegisterRow } from './register.ts';
import { pdfResponses } from './receipt-slip.route.ts';

/** A register is printed per month or quarter; a year at most keeps it to one download. */
const MAX_DAYS = 366;
const MAX_ROWS = 5000;
const VN_OFFSET_MS = 7 * 3_600_000;

export const RegisterQuery = Type.Object(
  {
    unitId: Uuid,
    from: IsoDate,
    to: IsoDate,
  },
  { additionalProperties: false },
);

export const registerSchema = {
  tags: ['applications'],
  summary: 'In sổ theo dõi hồ sơ của đơn vị trong kỳ (PDF)',
  description: `Files received by the unit (and the desks inside it) from \`from\` to \`to\` inclusive, Vietnam dates; at most ${MAX_DAYS} days.`,
  querystring: RegisterQuery,
  response: pdfResponses('Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06 or TT 03/2025 Mẫu 07), A4'),
};

const STATE_NOTES: Record<string, string> = {
  returned: 'Đã trả kết quả',
  result_ready: 'Có kết quả, chờ trả',
  refused: 'Từ chối giải quyết',
  stopped: 'Dừng xử lý',
  withdrawn: 'Rút hồ sơ',
  supplement_requested: 'Chờ bổ sung',
};

const vnMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);

/** The register PDF for a unit the officer may read. */
export async function registerPdf(
  deps: { db: Kysely<Database>; units: UnitsService; procedures: ProcedureLookup },
  actor: Actor,
  query: Static<typeof RegisterQuery>,
  now = new Date(),
) {
  const from = vnMidnight(query.from);
  const to = new Date(vnMidnight(query.to).getTime() + 86_400_000);
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (days < 1 || days > MAX_DAYS)
    fail({
      kind: 'Invalid',
      field: '/querystring/to',
      detail: text(
        `Kỳ in sổ từ 1 đến ${MAX_DAYS} ngày, ngày kết thúc không trước ngày bắt đầu`,
        `The period is 1 to ${MAX_DAYS} days, ending on or after its start`,
      ),
    });
  const unit = await deps.units.authorize(actor.grants, 'applications.read', query.unitId);
  const { units, tree } = await deps.units.loadTree();
  const unitIds = units.filter((u) => tree.isAncestorOrSelf(unit.id, u.id)).map((u) => u.id);
  const rows = await applicationsRepository.receivedBetween(
    deps.db,
    unit.provinceCode,
    unitIds,
    from,
    to,
    MAX_ROWS,
  );
  const nameOf = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? '') : '');
  const printed: RegisterRow[] = [];
  for (const row of rows) {
    const applicant = applicantOf(row.applicant);
    printed.push({
      code: row.code,
      procedureName: (await deps.procedures.find(row.procedure_code))?.name ?? row.procedure_code,
      applicantName: applicant.organisationName ?? applicant.name,
      contact: [applicant.address, applicant.phone].filter(Boolean).join('; '),
      decidingUnitName: nameOf(row.deciding_unit_id),
      receivedAt: row.received_at,
      dueAt: row.due_at,
      returnedAt: row.returned_at,
      note: STATE_NOTES[row.state] ?? '',
    });
  }
  const header = headerOf((tree.pathTo(unit.id) ?? []).flatMap((s) => units.filter((u) => u.id === s.id)));
  const body = await renderRegister({
    regime: regimeOf(from < new Date('2025-06-30T17:00:00Z') ? 'decree_61_2018' : 'decree_118_2025'),
    ...header,
    from: query.from,
    to: query.to,
    issuedAt: now,
    rows: printed,
  });
  return { filename: `so-theo-doi-ho-so-${query.from}-${query.to}.pdf`, body };
}
