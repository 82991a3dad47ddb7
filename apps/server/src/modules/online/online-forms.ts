import { sql, type Kysely } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import { validateFormDefinition, type FormField } from '@motcua/domain/online/fields';
import { returnChannelsFor, type OnlineForm, type UploadSlot } from '@motcua/domain/online/online';
import type { ReturnChannel } from '@motcua/domain/workflow/decide';
import type { Database } from '../../db/schema.ts';
import type { VersionRow } from '../procedures/procedures.repository.ts';
import type { UnitRow } from '../units/units.repository.ts';
import { FORM_SOURCE, ONLINE_FORMS } from './data/forms.ts';
import { onlineRepository as repo } from './online.repository.ts';

export interface FormView extends OnlineForm {
  procedure: VersionRow;
  source: string;
  returnChannels: ReturnChannel[];
  /** Where the citizen may file it: the units that settle procedures of its level, in force today. */
  units: { id: string; name: string }[];
}

const COMMUNE_KINDS = ['commune', 'ward', 'town', 'special_zone'];

/** Units in force on `day` (ISO) that receive a procedure of these levels. */
export function receivingUnits(levels: readonly string[], all: readonly UnitRow[], day: string) {
  const current = (u: UnitRow) => (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day);
  const kinds = [
    ...(levels.includes('commune') ? COMMUNE_KINDS : []),
    ...(levels.includes('province') ? ['pasc'] : []),
  ];
  return all
    .filter((u) => kinds.includes(u.kind) && current(u))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The desk that receives a file filed at `unitId`: the unit's public administrative service centre when it
 * has one (Decree 118/2025 art. 10: the commune's one-stop), else the unit itself.
 */
export function deskOf(unitId: string, all: readonly UnitRow[]): string {
  return all.find((u) => u.parentId === unitId && u.kind === 'pasc')?.id ?? unitId;
}

/** Without a form of its own, a procedure asks for its listed documents, each optional, one at least. */
export function defaultUploads(procedure: VersionRow): UploadSlot[] {
  const listed = procedure.documents.map((d) => ({
    name: d.name,
    required: false,
    ...(d.note ? { note: d.note } : {}),
  }));
  return listed.length ? listed : [{ name: 'Giấy tờ theo quy định của thủ tục', required: false }];
}

export function createOnlineForms(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function formOf(procedure: VersionRow): Promise<OnlineForm & { source: string }> {
    const row = await repo.form(db, procedure.code);
    if (!row) return { fields: [], uploads: defaultUploads(procedure), source: 'catalog documents' };
    return { fields: row.fields as FormField[], uploads: row.uploads as UploadSlot[], source: row.source };
  }

  function view(procedure: VersionRow, form: OnlineForm & { source: string }, units: FormView['units']) {
    return { ...form, procedure, returnChannels: returnChannelsFor(procedure.onlineLevel), units };
  }

  /** An administrator replaces a procedure's form; the definition is checked like the seed's. */
  async function save(code: string, form: OnlineForm & { source: string }, by: string, at: Date) {
    const [problem] = validateFormDefinition(form.fields);
    if (problem) fail({ kind: 'Invalid', field: `/body${problem.field}`, detail: problem.detail });
    if (form.uploads.length === 0)
      fail({
        kind: 'Invalid',
        field: '/body/uploads',
        detail: text('Cần ít nhất một giấy tờ tải lên', 'At least one upload is needed'),
      });
    await repo.saveForm(db, {
      code,
      fields: form.fields,
      uploads: form.uploads,
      source: form.source,
      by,
      at,
    });
  }

  return { formOf, view, save };
}

/** Adds the sourced forms whose procedure exists and has none yet; returns how many were added. */
export async function seedOnlineForms(db: Kysely<Database>): Promise<number> {
  // The catalogue's tables are typed in its own module (procedures.repository.ts): one plain query here.
  const { rows } = await sql<{ code: string }>`SELECT code FROM procedures`.execute(db);
  const codes = new Set(rows.map((r) => r.code));
  let added = 0;
  for (const [code, form] of Object.entries(ONLINE_FORMS)) {
    if (!codes.has(code)) continue;
    const [problem] = validateFormDefinition(form.fields);
    if (problem) throw new Error(`seed: online form ${code} ${problem.field}: ${problem.detail.en}`);
    added += await repo.seedForm(db, {
      code,
      fields: form.fields,
      uploads: form.uploads,
      source: FORM_SOURCE,
    });
  }
  return added;
}

export type OnlineForms = ReturnType<typeof createOnlineForms>;
