import type { Kysely } from 'kysely';
import type { ActionBody, IntakeBody } from '@motcua/contracts/applications';
import type { LegalRegime } from '@motcua/domain/deadlines/apology';
import { fail, text } from '@motcua/domain/errors';
import { decide } from '@motcua/domain/workflow/decide';
import { PORTAL_STATUS, isTerminal, type State } from '@motcua/domain/workflow/states';
import { allowedActions, type Action, type Note } from '@motcua/domain/workflow/transitions';
import type { ApplicationPatch, ApplicationRow } from './applications.repository.ts';
import type { Database } from '../../db/schema.ts';
import { resultsRepository } from '../results/results.repository.ts';
import { effectsOf } from './effects.ts';
import type { Deadlines, ProcedureLookup } from './ports.ts';

/** At the counter the officer receives the file, or guides the applicant to complete it (Mẫu 02), or refuses it (Mẫu 03). */
export function intakeOutcome(body: IntakeBody) {
  const outcome = body.outcome ?? 'received';
  if (outcome === 'received')
    return {
      state: 'received' as State,
      action: 'receive' as const,
      payload: {},
    };
  if (!body.reason?.trim())
    fail({
      kind: 'Invalid',
      field: '/body/reason',
      detail: text('Cần nêu rõ lý do', 'A reason is required'),
    });
  return outcome === 'supplement_requested'
    ? {
        state: 'pre_receipt_supplement' as State,
        action: 'request_pre_receipt_supplement' as const,
        payload: { reason: body.reason.trim(), documents: body.missingDocuments ?? [] },
      }
    : {
        state: 'refused_at_intake' as State,
        action: 'refuse_intake' as const,
        payload: { reason: body.reason.trim() },
      };
}

export interface Change {
  to: State;
  patch: ApplicationPatch;
  payload: Record<string, unknown>;
}

/** What each step or note changes on a file, judged before the transaction that writes it. */
export function createChanges(deps: {
  procedures: ProcedureLookup;
  deadlines: Deadlines;
  /** Where the file's e-results are read: an online return needs a signed one. */
  db?: Kysely<Database>;
}) {
  const { procedures, deadlines } = deps;

  /** A workflow step: the transition table and its guards, then what it changes besides the state. */
  async function actionChange(
    row: ApplicationRow,
    body: ActionBody,
    action: Action,
    at: Date,
  ): Promise<Change> {
    const result = decide(
      {
        state: row.state as State,
        supplementRequests: row.supplement_requests,
        preReceiptSupplements: row.pre_receipt_supplements,
      },
      { ...body, action },
    );
    if (!result.ok) fail(result.error);
    if (action === 'return_result' && body.channel === 'online' && deps.db)
      if ((await resultsRepository.signedCount(deps.db, row.province_code, row.id)) === 0)
        fail({
          kind: 'Conflict',
          entity: 'application',
          field: '/body/channel',
          detail: text(
            'Chưa có kết quả điện tử đã ký số: không thể trả kết quả trực tuyến',
            'There is no signed e-result yet: the result cannot be returned online',
          ),
        });
    const patch: ApplicationPatch = await effectsOf(result.decision, body, row, at, deadlines);
    if (action === 'receive') Object.assign(patch, await receiptTimes(row, at));
    if (action === 'send_inter_agency' && body.budgetDays) {
      const stepDue = await deadlines.stepDue(at, body.budgetDays);
      if (row.due_at && stepDue > row.due_at)
        fail({
          kind: 'Invalid',
          field: '/body/budgetDays',
          detail: text(
            'Thời gian của bước liên thông vượt quá ngày hẹn trả của hồ sơ',
            'The inter-agency step would end after the file’s appointment',
          ),
        });
      patch.step_due_at = stepDue;
    }
    const to = result.decision.to;
    patch.state = to;
    patch.portal_status = PORTAL_STATUS[to];
    if (isTerminal(to) && !row.finished_at) patch.finished_at = at;
    return {
      to,
      patch,
      payload: {
        ...(result.decision.countsAsLate ? { countsAsLate: true } : {}),
        ...(patch.due_at ? { dueAt: patch.due_at.toISOString() } : {}),
        ...(patch.step_due_at ? { stepDueAt: patch.step_due_at.toISOString() } : {}),
      },
    };
  }

  /** Receiving a file submitted online (or completed after Mẫu 02) starts its clock now. */
  async function receiptTimes(row: ApplicationRow, at: Date): Promise<ApplicationPatch> {
    const procedure = await procedures.find(row.procedure_code);
    const dueAt = procedure ? await deadlines.dueAt(at, procedure) : null;
    return { received_at: at, due_at: dueAt, original_due_at: dueAt };
  }

  /** A note records a fact without moving the file; an apology also sets the new appointment. */
  async function noteChange(row: ApplicationRow, body: ActionBody, note: Note, at: Date): Promise<Change> {
    const to = row.state as State;
    if (note === 'add_note') {
      if (isTerminal(to))
        fail({ kind: 'TransitionNotAllowed', from: to, action: note, allowed: allowedActions(to) });
      if (!body.reason?.trim())
        fail({
          kind: 'Invalid',
          field: '/body/reason',
          detail: text('Nhập nội dung ghi chú', 'Write the note'),
        });
      return { to, patch: {}, payload: {} };
    }
    if (!body.newAppointmentDate)
      fail({
        kind: 'Invalid',
        field: '/body/newAppointmentDate',
        detail: text('Chọn ngày hẹn trả mới', 'Choose the new appointment day'),
      });
    const verdict = await deadlines.apology(
      { state: row.state, dueAt: row.due_at, apologies: row.apologies },
      { reason: body.reason ?? '', newAppointmentDate: body.newAppointmentDate },
      at,
      row.legal_regime as LegalRegime,
    );
    if (!verdict.ok) {
      const invalidInput = verdict.refusal === 'reason' || verdict.refusal === 'not_working_day';
      fail(
        invalidInput || verdict.refusal === 'not_after_due'
          ? { kind: 'Invalid', field: verdict.field, detail: verdict.detail }
          : { kind: 'Conflict', entity: 'application', field: verdict.field, detail: verdict.detail },
      );
    }
    const newAppointment = new Date(verdict.newAppointmentAt);
    return {
      to,
      // The file is late whatever the new date (UNCERTAIN, docs/GLOSSARY.md): the apology admits it.
      patch: { apologies: row.apologies + 1, due_at: newAppointment, counts_late: true },
      payload: {
        newAppointmentAt: newAppointment.toISOString(),
        previousDueAt: row.due_at?.toISOString() ?? null,
      },
    };
  }

  return { actionChange, noteChange };
}
