import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { lookupKeyFrom, formatApplicationCode } from '@motcua/domain/codes/application-code';
import { fail, text } from '@motcua/domain/errors';
import { APPLICANT_FIELDS } from '@motcua/domain/online/applicant';
import { validateFormData, type FieldError } from '@motcua/domain/online/fields';
import { checkUploads, type UploadSlot } from '@motcua/domain/online/online';
import { PORTAL_STATUS } from '@motcua/domain/workflow/states';
import type { ReturnChannel } from '@motcua/domain/workflow/decide';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { applicationsRepository } from '../applications/applications.repository.ts';
import {
  CHANNEL,
  regimeAt,
  vietnamDate,
  type ApplicationsService,
} from '../applications/applications.service.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import type { ProceduresService } from '../procedures/procedures.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import { deskOf, receivingUnits, type OnlineForms } from './online-forms.ts';
import { checkFiles, documentRows, keepFiles } from './online-files.ts';
import { createCitizenSupplements } from './online-supplement.ts';
import { onlineRepository as repo } from './online.repository.ts';

export interface CitizenRef {
  id: string;
  requestId: string | null;
}

export interface SubmitInput {
  procedureCode: string;
  receivingUnitId: string;
  returnChannel: string;
  applicant: Record<string, unknown>;
  values: Record<string, unknown>;
  /** doc_1 … doc_n in the order of the form's uploads; a missing entry is an empty slot. */
  files: (UploadInput | undefined)[];
}

/** Every problem of a filing at once: the page shows them together, the API answers with the first. */
export class FilingErrors extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid filing');
  }
}

/** Electronic filing (Decree 45/2020) of an online public service (Decree 42/2022), vn-rules.md §0. */
export const ONLINE_BASIS = 'Nghị định 45/2020/NĐ-CP; Nghị định 42/2022/NĐ-CP';

const invalid = (field: string, vi: string, en: string): FieldError => ({ field, detail: text(vi, en) });

/** Filing online (issue 5): the citizen's form and documents become an application in state 1, Mới đăng ký. */
export function createOnlineService(deps: {
  db: Kysely<Database>;
  files: FileStore;
  forms: OnlineForms;
  procedures: Pick<ProceduresService, 'get'>;
  units: UnitsService;
  applications: ApplicationsService;
  changes: Parameters<typeof createCitizenSupplements>[0]['changes'];
  maxUploadBytes: number;
  clock?: () => Date;
}) {
  const { db, forms, applications } = deps;
  const now = deps.clock ?? (() => new Date());

  /** The form of a procedure offered online, with where it may be filed; 404 / 422 otherwise. */
  async function form(code: string) {
    const procedure = await deps.procedures.get(code);
    if (procedure.onlineLevel === 'none' || !procedure.channels.includes('online'))
      fail({
        kind: 'Invalid',
        field: '/params/code',
        detail: text(
          'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; mời nộp tại bộ phận một cửa',
          'This procedure is not offered online; please file at the one-stop desk',
        ),
      });
    const { units: all } = await deps.units.loadTree();
    return forms.view(
      procedure,
      await forms.formOf(procedure),
      receivingUnits(procedure.levels, all, vietnamDate(now())),
    );
  }

  function checkApplicant(input: Record<string, unknown>, today: string) {
    const checked = validateFormData(APPLICANT_FIELDS, input, today);
    if (!checked.ok) return { errors: checked.errors.map((e) => ({ ...e, field: `applicant.${e.field}` })) };
    const a = checked.value;
    if (a.kind === 'organisation' && !a.organisation_name)
      return {
        errors: [invalid('applicant.organisation_name', 'Nhập tên tổ chức', 'Enter the organisation’s name')],
      };
    return {
      errors: [],
      applicant: {
        kind: a.kind as 'person' | 'organisation',
        fullName: a.full_name!,
        idNumber: a.id_number!,
        ...(a.organisation_name ? { organisationName: a.organisation_name } : {}),
        ...(a.phone ? { phone: a.phone } : {}),
        ...(a.email ? { email: a.email } : {}),
        address: a.address!,
      },
    };
  }

  async function submit(citizen: CitizenRef, input: SubmitInput) {
    const view = await form(input.procedureCode);
    const at = now();
    const today = vietnamDate(at);
    const applicant = checkApplicant(input.applicant, today);
    const values = validateFormData(view.fields, input.values, today);
    const errors: FieldError[] = [
      ...applicant.errors,
      ...(values.ok ? [] : values.errors.map((e) => ({ ...e, field: `field.${e.field}` }))),
    ];
    const unit = view.units.find((u) => u.id === input.receivingUnitId);
    if (!unit) errors.push(invalid('receivingUnitId', 'Chọn nơi nộp hồ sơ', 'Choose where to file'));
    if (!view.returnChannels.includes(input.returnChannel as ReturnChannel))
      errors.push(invalid('returnChannel', 'Chọn cách nhận kết quả', 'Choose how to receive the result'));
    errors.push(
      ...checkUploads(
        view.uploads,
        view.uploads.map((_, i) => input.files[i] !== undefined),
      ),
    );
    if (input.files.length > view.uploads.length)
      errors.push(
        invalid(`doc_${input.files.length}`, 'Giấy tờ không có trong danh sách', 'Unexpected document'),
      );
    const inspected = await checkFiles(input.files, view.uploads, deps.maxUploadBytes, errors);
    if (errors.length || !applicant.applicant || !values.ok || !unit) throw new FilingErrors(errors);

    const stored = await keepFiles(deps.files, inspected);
    const { units: all } = await deps.units.loadTree();
    const desk = all.find((u) => u.id === deskOf(unit.id, all))!;
    const unitCode = await applications.codeUnit(desk.id);
    const regime = regimeAt(at);
    const submitted = view.uploads.flatMap((slot, i) =>
      input.files[i] ? [{ name: slot.name, copyType: 'photocopy' as const, quantity: 1 }] : [],
    );
    const created = await db.transaction().execute(async (trx) => {
      const seq = await applicationsRepository.nextSequence(trx, desk.provinceCode, desk.id, today);
      const code = formatApplicationCode({ unitCode, date: today, seq }, desk.codeTemplate ?? undefined);
      const row = await applicationsRepository.insert(trx, {
        province_code: desk.provinceCode,
        code,
        lookup_key: lookupKeyFrom(randomBytes(6)),
        procedure_code: view.procedure.code,
        procedure_version: view.procedure.version,
        legal_regime: regime,
        receiving_unit_id: desk.id,
        deciding_unit_id: null,
        assignee_id: null,
        channel: CHANNEL.online,
        state: 'submitted',
        portal_status: PORTAL_STATUS.submitted,
        applicant: applicant.applicant,
        applicant_id_number: applicant.applicant.idNumber,
        documents: submitted,
        fee_amount: view.procedure.feeAmount,
        return_channel: input.returnChannel,
        postal: null,
        received_at: null,
        due_at: null,
        original_due_at: null,
        step_due_at: null,
        citizen_id: citizen.id,
        processed_at: null,
        returned_at: null,
        finished_at: null,
        form_data: { fields: view.fields, values: values.value },
      });
      for (const k of stored)
        await filesRepository.record(trx, row.province_code, {
          sha256: k.sha256,
          mediaType: k.mediaType,
          size: k.size,
          pages: k.pages,
        });
      await repo.insertDocuments(trx, documentRows(row, stored, 1, at));
      const event = await applicationsRepository.appendEvent(trx, {
        provinceCode: row.province_code,
        applicationId: row.id,
        at,
        actorId: null,
        actorUnitId: null,
        action: 'submit_online',
        fromState: null,
        toState: 'submitted',
        payload: {
          channel: 'online',
          byCitizen: citizen.id,
          procedureVersion: view.procedure.version,
          documents: submitted.length,
        },
        legalBasis: ONLINE_BASIS,
      });
      await applications.hooks.onStep(trx, {
        action: 'submit_online',
        row,
        payload: event.payload as Record<string, unknown>,
        at,
      });
      await appendAudit(trx, {
        provinceCode: row.province_code,
        actorId: null,
        actorUnitId: null,
        requestId: citizen.requestId,
        action: 'application.submit_online',
        targetType: 'application',
        targetId: row.id,
        details: { code, procedure: view.procedure.code, byCitizen: citizen.id },
      });
      return row;
    });
    return { id: created.id, code: created.code, lookupKey: created.lookup_key };
  }

  const supplements = createCitizenSupplements({ ...deps, now });

  return { form, submit, ...supplements };
}

export type OnlineService = ReturnType<typeof createOnlineService>;
export type { UploadSlot };
