import type { Kysely } from 'kysely';
import { fail, text, type Text } from '@motcua/domain/errors';
import { citizenNextStep } from '@motcua/domain/online/online';
import type { ReturnChannel } from '@motcua/domain/workflow/decide';
import { PORTAL_STATUS, PORTAL_STATUS_NAMES, type State } from '@motcua/domain/workflow/states';
import type { Database } from '../../db/schema.ts';
import { applicationsRepository, type ApplicationRow } from '../applications/applications.repository.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import type { FileStore } from '../files/file-store.ts';
import type { ResultsService } from '../results/results.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import { citizensRepository } from '../citizens/citizens.repository.ts';
import { requestedDocuments } from './online-supplement.ts';
import { onlineRepository as repo } from './online.repository.ts';

/** The steps a citizen is told of, in their words; internal hand-overs and scans are not shown. */
const CITIZEN_STEPS: Record<string, Text> = {
  submit_online: text('Nộp hồ sơ trực tuyến', 'Filed online'),
  receive: text('Bộ phận một cửa tiếp nhận hồ sơ', 'Received by the one-stop desk'),
  request_pre_receipt_supplement: text('Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Documents requested'),
  pre_receipt_supplement_received: text('Bạn đã bổ sung hồ sơ', 'You added documents'),
  refuse_intake: text('Từ chối tiếp nhận hồ sơ', 'Not accepted'),
  transfer: text('Chuyển cơ quan giải quyết', 'Sent to the deciding office'),
  request_supplement: text('Yêu cầu bổ sung giấy tờ', 'Documents requested'),
  supplement_received: text('Đã nhận giấy tờ bổ sung', 'Added documents received'),
  issue_apology: text('Thư xin lỗi và hẹn lại ngày trả kết quả', 'Apology with a new date'),
  approve: text('Đã có kết quả', 'Result ready'),
  return_result: text('Đã trả kết quả', 'Result returned'),
  refuse: text('Từ chối giải quyết', 'Refused'),
  stop: text('Dừng xử lý', 'Processing stopped'),
  withdraw: text('Rút hồ sơ', 'Withdrawn'),
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A citizen's own files as the portal shows them; every read is by owner, another's file is "not found". */
export function createCitizenViews(deps: {
  db: Kysely<Database>;
  files: FileStore;
  procedures: ProcedureLookup;
  units: UnitsService;
  results: Pick<ResultsService, 'publicList' | 'publicFile'>;
  publicUrl: string;
}) {
  const { db } = deps;

  const own = async (citizenId: string, id: string): Promise<ApplicationRow> =>
    (await repo.ownFile(db, citizenId, id)) ?? fail({ kind: 'NotFound', entity: 'application', id });

  const procedureName = async (code: string) => (await deps.procedures.find(code))?.name ?? code;

  function summary(row: ApplicationRow, name: string) {
    const state = row.state as State;
    return {
      id: row.id,
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: name,
      state,
      portalStatus: PORTAL_STATUS[state],
      status: PORTAL_STATUS_NAMES[PORTAL_STATUS[state]],
      submittedAt: row.created_at.toISOString(),
      receivedAt: row.received_at?.toISOString() ?? null,
      dueAt: row.due_at?.toISOString() ?? null,
      nextStep: citizenNextStep(state, row.return_channel as ReturnChannel | null),
      waitingForMe: state === 'pre_receipt_supplement' || state === 'supplement_requested',
      rateable: state === 'returned',
    };
  }

  async function list(citizenId: string) {
    const rows = await citizensRepository.applicationsOf(db, citizenId);
    const items = [];
    for (const row of rows) items.push(summary(row, await procedureName(row.procedure_code)));
    return { items };
  }

  async function detail(citizenId: string, id: string) {
    const row = await own(citizenId, id);
    const [events, documents, results, tree] = [
      await applicationsRepository.events(db, row.province_code, row.id),
      await repo.documents(db, row.province_code, row.id),
      await deps.results.publicList(row),
      await deps.units.loadTree(),
    ];
    const base = deps.publicUrl.replace(/\/+$/, '');
    const waiting = row.state === 'pre_receipt_supplement' || row.state === 'supplement_requested';
    const names = (row.documents as { name: string }[] | null) ?? [];
    return {
      ...summary(row, await procedureName(row.procedure_code)),
      version: row.version,
      lookupKey: row.lookup_key,
      returnChannel: row.return_channel,
      unitName: tree.units.find((u) => u.id === row.receiving_unit_id)?.name ?? '',
      form: row.form_data as {
        fields: { key: string; label: Text }[];
        values: Record<string, string>;
      } | null,
      steps: events.flatMap((e) => {
        const label = CITIZEN_STEPS[e.action];
        if (!label) return [];
        const p = (e.payload ?? {}) as Record<string, unknown>;
        return [{ at: e.at.toISOString(), action: e.action, label, reason: str(p.reason) ?? null }];
      }),
      documents: documents.map((d) => ({
        position: d.position,
        name: names[d.position - 1]?.name ?? '',
        fileName: d.file_name,
        mediaType: d.media_type,
        size: Number(d.size),
      })),
      requested: waiting ? await requestedDocuments(db, row) : [],
      results,
      ratingUrl:
        row.state === 'returned'
          ? `${base}/danh-gia/${encodeURIComponent(row.code)}?k=${row.lookup_key}`
          : null,
    };
  }

  /** One of the citizen's own uploads. */
  async function document(citizenId: string, id: string, position: number) {
    const row = await own(citizenId, id);
    const doc = (await repo.documents(db, row.province_code, row.id)).find((d) => d.position === position);
    const bytes = doc ? await deps.files.get(doc.sha256) : undefined;
    if (!doc || !bytes) fail({ kind: 'NotFound', entity: 'document', id: `${id}/${position}` });
    return { bytes, mediaType: doc.media_type, fileName: doc.file_name };
  }

  /** A signed result of the citizen's own file, once decided (sealed or scanned, never a draft). */
  async function result(citizenId: string, id: string, n: number) {
    return deps.results.publicFile(await own(citizenId, id), n);
  }

  return { list, detail, document, result };
}

export type CitizenViews = ReturnType<typeof createCitizenViews>;
