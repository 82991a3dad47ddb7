import type { Role } from '../permissions/roles.ts';
import type { State } from './states.ts';

/**
 * Every action an officer can take on an application, with the legal step it implements
 * (vn-rules.md §1.4; Decree 61/2018 → Decree 118/2025).
 */
export const ACTIONS = [
  'receive', // step B: record and issue the slip (Mẫu 01)
  'request_pre_receipt_supplement', // step B: guide once, in writing (Mẫu 02)
  'pre_receipt_supplement_received',
  'refuse_intake', // step B: Mẫu 03
  'transfer', // step C: to the deciding department
  'assign', // step D: to a specialist
  'reassign',
  'request_supplement', // during processing; the clock stops
  'supplement_received',
  'request_payment',
  'payment_received',
  'send_inter_agency', // liên thông: another agency or level does its part
  'inter_agency_returned',
  'submit_for_approval', // draft result to the leader
  'send_back', // the leader returns the draft
  'approve', // the leader decides: result ready (9)
  'refuse', // not eligible after appraisal, with reasons
  'stop', // processing stopped (TT 03/2025 Mẫu 05)
  'withdraw', // the applicant withdraws (7)
  'return_result', // step G: counter, post (tracking number) or online (10)
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that record a fact without moving the application (an apology does not change its state). */
export const NOTES = ['issue_apology', 'add_note'] as const;
export type Note = (typeof NOTES)[number];

const OPEN_PROCESSING = { withdraw: 'withdrawn', stop: 'stopped' } as const;

/**
 * The transition table. `satisfies` makes the compiler check that every state has an entry and that every
 * target is a state; the tests check that every action is used and every state can finish.
 */
export const TRANSITIONS = {
  submitted: {
    receive: 'received',
    request_pre_receipt_supplement: 'pre_receipt_supplement',
    refuse_intake: 'refused_at_intake',
    withdraw: 'withdrawn',
  },
  pre_receipt_supplement: {
    pre_receipt_supplement_received: 'submitted',
    refuse_intake: 'refused_at_intake',
    withdraw: 'withdrawn',
  },
  refused_at_intake: {},
  received: { transfer: 'transferred', ...OPEN_PROCESSING },
  transferred: { assign: 'processing', ...OPEN_PROCESSING },
  processing: {
    reassign: 'processing',
    request_supplement: 'supplement_requested',
    request_payment: 'awaiting_payment',
    send_inter_agency: 'inter_agency',
    submit_for_approval: 'awaiting_approval',
    refuse: 'refused',
    ...OPEN_PROCESSING,
  },
  supplement_requested: { supplement_received: 'processing', ...OPEN_PROCESSING },
  awaiting_payment: { payment_received: 'processing', ...OPEN_PROCESSING },
  inter_agency: { inter_agency_returned: 'processing', ...OPEN_PROCESSING },
  awaiting_approval: {
    approve: 'result_ready',
    send_back: 'processing',
    refuse: 'refused',
    ...OPEN_PROCESSING,
  },
  result_ready: { return_result: 'returned' },
  returned: {},
  refused: {},
  stopped: {},
  withdrawn: {},
} as const satisfies Record<State, Partial<Record<Action, State>>>;

/** Who may take each action (the unit check — receiving or deciding unit — is made by the caller). */
export const ACTION_ROLES = {
  receive: ['receptionist'],
  request_pre_receipt_supplement: ['receptionist'],
  pre_receipt_supplement_received: ['receptionist'],
  refuse_intake: ['receptionist'],
  transfer: ['receptionist'],
  assign: ['leader', 'specialist'],
  reassign: ['leader'],
  request_supplement: ['specialist', 'leader'],
  supplement_received: ['receptionist', 'specialist'],
  request_payment: ['specialist'],
  payment_received: ['receptionist', 'specialist'],
  send_inter_agency: ['specialist', 'leader'],
  inter_agency_returned: ['specialist', 'leader'],
  submit_for_approval: ['specialist'],
  send_back: ['leader'],
  approve: ['leader'],
  refuse: ['leader'],
  stop: ['leader'],
  withdraw: ['receptionist'],
  return_result: ['receptionist'],
} as const satisfies Record<Action, readonly Role[]>;

/** Who may record each note: the deciding body issues the apology (vn-rules.md §1.4 E); anyone working on it notes. */
export const NOTE_ROLES = {
  issue_apology: ['leader', 'specialist'],
  add_note: ['receptionist', 'specialist', 'leader'],
} as const satisfies Record<Note, readonly Role[]>;

/** Where the acting officer must work: the desk that received the file, or the department deciding it. */
export const ACTION_SIDE = {
  receive: 'receiving',
  request_pre_receipt_supplement: 'receiving',
  pre_receipt_supplement_received: 'receiving',
  refuse_intake: 'receiving',
  transfer: 'receiving',
  assign: 'deciding',
  reassign: 'deciding',
  request_supplement: 'deciding',
  supplement_received: 'deciding',
  request_payment: 'deciding',
  payment_received: 'deciding',
  send_inter_agency: 'deciding',
  inter_agency_returned: 'deciding',
  submit_for_approval: 'deciding',
  send_back: 'deciding',
  approve: 'deciding',
  refuse: 'deciding',
  stop: 'deciding',
  withdraw: 'receiving',
  return_result: 'receiving',
} as const satisfies Record<Action, 'receiving' | 'deciding'>;

/** A step or a note: what an officer may record on a file. */
export type AnyAction = Action | Note;
const NOTE_SIDE = { issue_apology: 'deciding', add_note: 'deciding' } as const satisfies Record<
  Note,
  'receiving' | 'deciding'
>;
export const isNote = (action: AnyAction): action is Note => action in NOTE_SIDE;
export const sideOf = (action: AnyAction): 'receiving' | 'deciding' =>
  isNote(action) ? NOTE_SIDE[action] : ACTION_SIDE[action];
export const rolesOf = (action: AnyAction): readonly Role[] =>
  isNote(action) ? NOTE_ROLES[action] : ACTION_ROLES[action];

export function allowedActions(state: State): Action[] {
  return Object.keys(TRANSITIONS[state]) as Action[];
}

export function nextState(state: State, action: Action): State | undefined {
  return (TRANSITIONS[state] as Partial<Record<Action, State>>)[action];
}
