import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ProcedureCreateBody } from '@motcua/contracts/procedures';
import { text, type Text } from '@motcua/domain/errors';
import { validationMessage } from '../../http/validation-messages.ts';
import type { ReadSheet } from './procedures.files.ts';
import { contentProblems, normalizeContent, type ProcedureContent } from './procedures.rules.ts';
import { COLUMNS, fromCells, headerOf, type ColumnKey } from './procedures.sheet.ts';

/**
 * Checks every row of an uploaded catalogue with the API's own schema and rules, and collects all errors with
 * their row and column: the import writes all rows or none.
 */
export interface RowError {
  row: number;
  column: string;
  message: Text;
}

export interface ImportEntry {
  row: number;
  code: string;
  content: ProcedureContent;
}

// ajv-formats is CommonJS: its default export arrives wrapped under ESM (as in http/server.ts).
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validateBody = addFormats(new Ajv({ allErrors: true, strict: false })).compile(ProcedureCreateBody);

const columnOfPath = (path: string): string => {
  const key = path.split('/')[1] as ColumnKey | undefined;
  return key && COLUMNS.some((c) => c.key === key) ? headerOf(key) : '—';
};

export function checkRows(sheet: ReadSheet | undefined): { entries: ImportEntry[]; errors: RowError[] } {
  const errors: RowError[] = [];
  if (!sheet) {
    errors.push({
      row: 1,
      column: COLUMNS[0]!.header,
      message: text(
        `Không tìm thấy dòng tiêu đề có cột “${COLUMNS[0]!.header}”`,
        `No header row with a "${COLUMNS[0]!.header}" column`,
      ),
    });
    return { entries: [], errors };
  }
  for (const key of sheet.missing) {
    errors.push({
      row: sheet.headerRow,
      column: headerOf(key),
      message: text('thiếu cột này', 'column missing'),
    });
  }
  if (errors.length > 0) return { entries: [], errors };

  const entries: ImportEntry[] = [];
  const seen = new Map<string, number>();
  for (const line of sheet.rows) {
    const rowErrors: RowError[] = [];
    const { body, errors: cellErrors } = fromCells(line.get);
    for (const e of cellErrors)
      rowErrors.push({ row: line.row, column: headerOf(e.column), message: e.message });
    if (cellErrors.length === 0 && !validateBody(body)) {
      for (const e of validateBody.errors ?? []) {
        rowErrors.push({
          row: line.row,
          column: columnOfPath(e.instancePath),
          message: text(validationMessage(e, 'vi'), validationMessage(e, 'en')),
        });
      }
    }
    if (rowErrors.length === 0) {
      const content = normalizeContent(body);
      for (const problem of contentProblems(content)) {
        rowErrors.push({ row: line.row, column: headerOf(problem.field), message: problem.detail });
      }
      const first = seen.get(body.code);
      if (first !== undefined) {
        rowErrors.push({
          row: line.row,
          column: headerOf('code'),
          message: text(`mã đã có ở dòng ${first}`, `code already on row ${first}`),
        });
      }
      seen.set(body.code, line.row);
      if (rowErrors.length === 0) entries.push({ row: line.row, code: body.code, content });
    }
    errors.push(...rowErrors);
  }
  return { entries, errors };
}
