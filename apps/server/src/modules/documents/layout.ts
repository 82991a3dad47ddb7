import PDFDocument from 'pdfkit';
import { collect, fonts, type Font } from './pdf.ts';

/**
 * The page furniture every printed form shares (TT 01/2018/TT-VPCP → TT 03/2025 and Decree 30/2020): the
 * two-column header with the national motto, titles, "Label: value" lines, tables that repeat their header on a
 * new page, signature blocks and page numbers from the second page on. A `Sheet` keeps the cursor `y`.
 */
export const A5_WIDTH = 419.53;
export const A4_WIDTH = 595.28;
/** The margins of the A5 forms (Mẫu 01–04), in A5 points. */
export const A5_MARGINS = { top: 24, bottom: 24, left: 34, right: 24 };
export const DOTS = '…………';
export const upper = (s: string) => s.toLocaleUpperCase('vi');

type Align = 'left' | 'center' | 'right';
interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface SheetOptions {
  size: 'A5' | 'A4';
  /** The page width the layout is drawn for (design units); a form drawn for A5 and printed on A4 scales up. */
  designWidth: number;
  /** In design units. */
  margins: Margins;
  /** Body text size in design units. */
  bodySize: number;
  info: { Title: string; Author: string; Subject: string; CreationDate: Date };
}

export interface Column {
  title: string;
  /** Fraction of the text width. */
  width: number;
  /** Alignment of the body cells (headers are centred). */
  align?: Align;
  /** Columns with the same group, side by side, share a header cell above their own. */
  group?: string;
}

/** One signature block; `null` leaves its slot empty (a single signer sits on the right). */
export type Signer = { title: string; note?: string; name?: string | null } | null;

export interface HeaderLines {
  /** Upper line: the body the issuing unit belongs to, in capitals; null when there is none. */
  authority: string | null;
  unitName: string;
  /** "Số: …" under the unit, or nothing. */
  number: string | null;
  /** "Lâm Hà, ngày 27 tháng 11 năm 2026" under the motto. */
  dateLine: string;
  /** "Mẫu số 05 – Thông tư …", small at the top right. */
  formNumber?: string;
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly u: (n: number) => number;
  readonly x0: number;
  readonly W: number;
  readonly body: number;
  readonly gap: number;
  y: number;
  private readonly margins: Margins;
  private readonly done: Promise<Buffer>;

  constructor(options: SheetOptions) {
    const scale = (options.size === 'A4' ? A4_WIDTH : A5_WIDTH) / options.designWidth;
    this.u = (n: number) => n * scale;
    const m = options.margins;
    this.margins = {
      top: this.u(m.top),
      bottom: this.u(m.bottom),
      left: this.u(m.left),
      right: this.u(m.right),
    };
    this.doc = new PDFDocument({
      size: options.size,
      margins: this.margins,
      bufferPages: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: { ...options.info, Author: options.info.Author.normalize('NFC'), Creator: 'motcua' },
    });
    this.done = collect(this.doc);
    for (const [name, file] of Object.entries(fonts())) this.doc.registerFont(name, file);
    this.x0 = this.margins.left;
    this.W = this.doc.page.width - this.margins.left - this.margins.right;
    this.body = this.u(options.bodySize);
    this.gap = this.u(1.5);
    this.y = this.margins.top;
  }

  bottom() {
    return this.doc.page.height - this.margins.bottom;
  }

  /** A new page unless `height` still fits below the cursor. */
  ensure(height: number) {
    if (this.y + height > this.bottom()) {
      this.doc.addPage();
      this.y = this.margins.top;
    }
  }

  /** Writes one paragraph at the cursor (or at opts.x, opts.y), returns the y below it. */
  put(
    s: string,
    font: Font,
    size: number,
    opts: { x?: number; y?: number; width?: number; align?: Align } = {},
  ) {
    this.doc.font(font).fontSize(size);
    this.doc.text(s.normalize('NFC'), opts.x ?? this.x0, opts.y ?? this.y, {
      width: opts.width ?? this.W,
      align: opts.align ?? 'left',
      lineGap: this.gap,
    });
    return this.doc.y;
  }

  /** A font size at which `s` fits in one line of `width`. */
  fit(s: string, font: Font, size: number, width: number) {
    this.doc.font(font).fontSize(size);
    const w = this.doc.widthOfString(s);
    return w > width ? (size * width) / w : size;
  }

  /** A horizontal line of `length` centred on `cx`. */
  rule(cx: number, at: number, length: number) {
    this.doc
      .moveTo(cx - length / 2, at)
      .lineTo(cx + length / 2, at)
      .lineWidth(this.u(0.6))
      .stroke();
  }

  /** "Label: value" (or several on one line), labels regular and values in `valueFont`, wrapping as one. */
  field(pairs: [string, string][], valueFont: Font = 'R') {
    const { doc, body, gap } = this;
    this.ensure(body * 1.5);
    pairs.forEach(([label, value], index) => {
      const last = index === pairs.length - 1;
      const text = `${label}: `.normalize('NFC');
      doc.font('R').fontSize(body);
      if (index === 0) doc.text(text, this.x0, this.y, { width: this.W, lineGap: gap, continued: true });
      else doc.text(text, { continued: true });
      doc
        .font(valueFont)
        .text(`${value}${last ? '' : '     '}`.normalize('NFC'), { continued: !last, lineGap: gap });
    });
    this.y = doc.y + this.u(2);
  }

  /** A paragraph of body text at the cursor. */
  paragraph(s: string, font: Font = 'R', align: Align = 'left') {
    this.ensure(this.body * 1.5);
    this.y = this.put(s, font, this.body, { align }) + this.u(2);
  }

  /** The issuing unit on the left, the national motto on the right, then "Số" and the place and date. */
  header(h: HeaderLines) {
    const { u, x0, W } = this;
    if (h.formNumber)
      this.y = this.put(h.formNumber, 'I', this.fit(h.formNumber, 'I', u(7), W), { align: 'right' }) + u(4);
    const colL = W * 0.44;
    const colR = W - colL;
    const left = { x: x0, width: colL, align: 'center' as const };
    const right = { x: x0 + colL, width: colR, align: 'center' as const };
    const headSize = u(7.5);
    let yl = this.y;
    if (h.authority)
      yl = this.put(upper(h.authority), 'R', this.fit(upper(h.authority), 'R', headSize, colL), {
        ...left,
        y: yl,
      });
    yl = this.put(upper(h.unitName), 'B', headSize, { ...left, y: yl });
    this.rule(x0 + colL / 2, yl + u(1.5), colL / 3);
    const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    let yr = this.put(motto, 'B', this.fit(motto, 'B', headSize, colR), { ...right, y: this.y });
    const freedom = 'Độc lập - Tự do - Hạnh phúc';
    yr = this.put(freedom, 'B', u(8), { ...right, y: yr });
    this.rule(x0 + colL + colR / 2, yr + u(1.5), this.doc.font('B').fontSize(u(8)).widthOfString(freedom));
    const lineY = Math.max(yl, yr) + u(6);
    if (h.number) this.put(h.number, 'R', this.fit(h.number, 'R', u(8), colL), { ...left, y: lineY });
    this.y = this.put(h.dateLine, 'I', this.fit(h.dateLine, 'I', u(8), colR), { ...right, y: lineY });
  }

  /** A centred bold title, shrunk to one line when it is short enough to fit in one, then a gap. */
  title(s: string, size = 12) {
    const { u } = this;
    const fitted = this.fit(s, 'B', u(size), this.W);
    const fontSize = fitted < u(size) * 0.8 ? u(size) * 0.9 : fitted;
    this.y = this.put(s, 'B', fontSize, { y: this.y + u(12), align: 'center' }) + u(2);
  }

  /** A ruled table; rows that do not fit start a new page, which repeats the header. */
  table(columns: Column[], rows: string[][], size = 8) {
    const { u, x0, doc, gap } = this;
    const fontSize = u(size);
    const pad = u(2.5);
    const widths = columns.map((c) => c.width * this.W);
    const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const heightOf = (s: string, width: number, font: Font) => {
      doc.font(font).fontSize(fontSize);
      return doc.heightOfString(s.normalize('NFC'), { width: width - 2 * pad, lineGap: gap }) + 2 * pad;
    };
    const cell = (x: number, y: number, w: number, h: number, s: string, font: Font, align: Align) => {
      doc.rect(x, y, w, h).lineWidth(u(0.5)).stroke();
      this.put(s, font, fontSize, { x: x + pad, y: y + pad, width: w - 2 * pad, align });
    };
    // Header: grouped columns get their group's cell above their own; the others span both rows.
    const spans = columns.flatMap((c, i) =>
      c.group && columns[i - 1]?.group !== c.group
        ? [{ i, n: columns.filter((d) => d.group === c.group).length, title: c.group }]
        : [],
    );
    const inGroup = (i: number) => columns[i]!.group !== undefined;
    const groupRow = spans.length
      ? Math.max(
          ...spans.map((s) =>
            heightOf(
              s.title,
              widths.slice(s.i, s.i + s.n).reduce((a, b) => a + b),
              'B',
            ),
          ),
        )
      : 0;
    const ownRow = Math.max(...columns.map((c, i) => (inGroup(i) ? heightOf(c.title, widths[i]!, 'B') : 0)));
    const headerHeight = Math.max(
      groupRow + ownRow,
      ...columns.map((c, i) => (inGroup(i) ? 0 : heightOf(c.title, widths[i]!, 'B'))),
    );
    const heading = () => {
      for (const s of spans)
        cell(
          xs[s.i]!,
          this.y,
          widths.slice(s.i, s.i + s.n).reduce((a, b) => a + b),
          groupRow,
          s.title,
          'B',
          'center',
        );
      columns.forEach((c, i) => {
        const top = inGroup(i) ? groupRow : 0;
        cell(xs[i]!, this.y + top, widths[i]!, headerHeight - top, c.title, 'B', 'center');
      });
      this.y += headerHeight;
    };
    this.ensure(headerHeight + fontSize * 3);
    heading();
    for (const row of rows) {
      const height = Math.max(...row.map((s, i) => heightOf(s, widths[i]!, 'R')));
      if (this.y + height > this.bottom()) {
        this.doc.addPage();
        this.y = this.margins.top;
        heading();
      }
      row.forEach((s, i) => cell(xs[i]!, this.y, widths[i]!, height, s, 'R', columns[i]!.align ?? 'center'));
      this.y += height;
    }
    this.y += u(4);
  }

  /** Signature blocks side by side, each with its title, "(Ký và ghi rõ họ tên)" and the signer's name below. */
  signatures(signers: Signer[]) {
    const { u, x0 } = this;
    this.ensure(u(78));
    const width = this.W / signers.length;
    signers.forEach((s, i) => {
      if (!s) return;
      const x = x0 + i * width;
      const below = this.put(s.title, 'B', u(8), { x, y: this.y, width, align: 'center' });
      this.put(s.note ?? '(Ký và ghi rõ họ tên)', 'I', u(7.5), { x, y: below, width, align: 'center' });
      if (s.name) this.put(s.name, 'B', u(8.5), { x, y: this.y + u(60), width, align: 'center' });
    });
    this.y += u(78);
  }

  /** Numbers the pages from the second on, centred at the top (Decree 30/2020), and gives the bytes. */
  finish(): Promise<Buffer> {
    const pages = this.doc.bufferedPageRange();
    for (let i = 1; i < pages.count; i += 1) {
      this.doc.switchToPage(pages.start + i);
      this.put(String(i + 1), 'R', this.u(8), {
        x: 0,
        y: this.u(10),
        width: this.doc.page.width,
        align: 'center',
      });
    }
    this.doc.end();
    return this.done;
  }
}
