import type { ColumnType } from 'kysely';

/** Migration 0011: the online form of a procedure. */
export interface ProcedureFormsTable {
  procedure_code: string;
  fields: ColumnType<unknown, string, string>;
  uploads: ColumnType<unknown, string, string>;
  source: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface OnlineTables {
  procedure_forms: ProcedureFormsTable;
}
