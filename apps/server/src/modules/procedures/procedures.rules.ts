import {
  PROCEDURE_CHANNELS,
  PROCEDURE_LEVELS,
  type ProcedureChannel,
  type DocumentCopyType,
  type OnlineLevel,
  type ProcedureLevel,
  type ProcedureUpdateBody,
  type ProcedureTimeUnit,
} from '@motcua/contracts/procedures';
import { text, type Text } from '@motcua/domain/errors';

/**
 * The content of one procedure version and its rules, pure (no I/O): shared by the API, the import and the
 * seed so that all three accept exactly the same catalogue.
 */
export interface DocumentContent {
  name: string;
  copyType: DocumentCopyType;
  quantity: number;
  note: string | null;
}

export interface ProcedureContent {
  name: string;
  nameEn: string | null;
  field: string;
  levels: ProcedureLevel[];
  decidingAgency: string | null;
  timeAmount: number | null;
  timeUnit: ProcedureTimeUnit | null;
  timeText: string;
  cutoffHour: number | null;
  feeAmount: number | null;
  feeText: string;
  documents: DocumentContent[];
  documentsSource: string | null;
  resultType: string | null;
  onlineLevel: OnlineLevel;
  channels: ProcedureChannel[];
  serviceSource: string | null;
  legalBasis: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
}

export type ContentField = keyof ProcedureContent;

export interface ContentProblem {
  field: ContentField;
  detail: Text;
}

/** Resolution 60-NQ/TW: the district level ended on 01/07/2025; its last day was 30/06/2025. */
export const LAST_DISTRICT_DAY = '2025-06-30';

const clean = (value: string) => value.normalize('NFC').trim();
const cleanOrNull = (value: string | null | undefined) => {
  if (value === null || value === undefined) return null;
  const cleaned = clean(value);
  return cleaned === '' ? null : cleaned;
};

/** NFC, trimmed, defaults filled, levels and channels in a fixed order: the form that is stored and compared. */
export function normalizeContent(input: ProcedureUpdateBody): ProcedureContent {
  return {
    name: clean(input.name),
    nameEn: cleanOrNull(input.nameEn),
    field: clean(input.field),
    levels: PROCEDURE_LEVELS.filter((level) => input.levels.includes(level)),
    decidingAgency: cleanOrNull(input.decidingAgency),
    timeAmount: input.timeAmount,
    timeUnit: input.timeUnit,
    timeText: clean(input.timeText),
    cutoffHour: input.cutoffHour ?? null,
    feeAmount: input.feeAmount,
    feeText: clean(input.feeText),
    documents: (input.documents ?? []).map((d) => ({
      name: clean(d.name),
      copyType: d.copyType,
      quantity: d.quantity,
      note: cleanOrNull(d.note),
    })),
    documentsSource: cleanOrNull(input.documentsSource),
    resultType: cleanOrNull(input.resultType),
    onlineLevel: input.onlineLevel,
    channels: PROCEDURE_CHANNELS.filter((channel) => input.channels.includes(channel)),
    serviceSource: cleanOrNull(input.serviceSource),
    legalBasis: clean(input.legalBasis),
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    source: clean(input.source),
  };
}

/** Rules the schema cannot express; every problem names its field (the API reports the first one). */
export function contentProblems(content: ProcedureContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: ContentField, vi: string, en: string) => problems.push({ field, detail: text(vi, en) });
  if (content.name.length < 2) add('name', 'Tên thủ tục quá ngắn', 'The name is too short');
  if (content.timeUnit === 'none' && content.timeAmount !== null) {
    add(
      'timeAmount',
      'Thủ tục không quy định thời hạn thì không ghi số ngày',
      'A procedure without a time limit has no amount',
    );
  }
  if (content.timeUnit !== 'none' && content.timeAmount === null) {
    add(
      'timeAmount',
      content.timeUnit === null
        ? 'Thời hạn không ghi đơn vị vẫn cần con số như cổng đã in'
        : 'Cần ghi thời hạn giải quyết (hoặc chọn “không quy định”)',
      content.timeUnit === null
        ? 'A time without a unit still needs the number the portal printed'
        : 'The time limit needs an amount (or the unit "none")',
    );
  }
  if (content.levels.includes('district')) {
    if (content.effectiveTo === null || content.effectiveTo > LAST_DISTRICT_DAY) {
      add(
        'levels',
        'Cấp huyện chỉ tồn tại đến hết ngày 30/06/2025 (Nghị quyết 60-NQ/TW): cần ngày hết hiệu lực không sau 30/06/2025',
        'The district level ended on 30/06/2025 (Resolution 60-NQ/TW): a district-level version needs effectiveTo on or before 2025-06-30',
      );
    }
  }
  if (content.effectiveFrom && content.effectiveTo && content.effectiveTo < content.effectiveFrom) {
    add('effectiveTo', 'Ngày hết hiệu lực trước ngày có hiệu lực', 'effectiveTo is before effectiveFrom');
  }
  const online = content.channels.includes('online');
  if (online && content.onlineLevel === 'none') {
    add(
      'onlineLevel',
      'Có kênh trực tuyến thì phải có mức độ dịch vụ công trực tuyến (Nghị định 42/2022/NĐ-CP)',
      'An online channel needs an online service level (Decree 42/2022/NĐ-CP)',
    );
  }
  if (!online && content.onlineLevel !== 'none') {
    add(
      'channels',
      'Có dịch vụ công trực tuyến thì kênh thực hiện phải gồm trực tuyến',
      'An online service level needs the online channel',
    );
  }
  content.documents.forEach((document, index) => {
    if (document.name === '')
      problems.push({
        field: 'documents',
        detail: text(`Giấy tờ thứ ${index + 1} chưa có tên`, `Document ${index + 1} has no name`),
      });
  });
  return problems;
}

/** Canonical text of a content: equal texts mean "unchanged" (no new version). */
export function contentKey(content: ProcedureContent): string {
  const ordered: ProcedureContent = {
    name: content.name,
    nameEn: content.nameEn,
    field: content.field,
    levels: content.levels,
    decidingAgency: content.decidingAgency,
    timeAmount: content.timeAmount,
    timeUnit: content.timeUnit,
    timeText: content.timeText,
    cutoffHour: content.cutoffHour,
    feeAmount: content.feeAmount,
    feeText: content.feeText,
    documents: content.documents.map((d) => ({
      name: d.name,
      copyType: d.copyType,
      quantity: d.quantity,
      note: d.note,
    })),
    documentsSource: content.documentsSource,
    resultType: content.resultType,
    onlineLevel: content.onlineLevel,
    channels: content.channels,
    serviceSource: content.serviceSource,
    legalBasis: content.legalBasis,
    effectiveFrom: content.effectiveFrom,
    effectiveTo: content.effectiveTo,
    source: content.source,
  };
  return JSON.stringify(ordered);
}

/** Vietnamese order for names and fields ("Đ" after "D", tones after the base letter). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
