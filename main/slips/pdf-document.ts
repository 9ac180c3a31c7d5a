/**
 * A small PDF 1.4 writer for the acceptance slip (业务受理单) printed at a service counter.
 * No dependencies and no font files: ASCII goes out in the standard Helvetica font, every
 * other character in Adobe's STSong-Light CJK font through the UniGB-UCS2-H CMap, which
 * every conforming reader supplies without embedding.
 */

/** One labelled line of the slip, e.g. { label: '受理编号', value: 'GD20261122-0001' }. */
export type SlipRow = Readonly<{ label: string; value: string }>;

/** What an acceptance slip shows, already masked and translated by the caller. */
export type SlipDocument = Readonly<{
  /** Big centred heading, e.g. '业务受理单'. */
  title: string;
  /** The unit's name under the title, e.g. '某某通信 朝阳营业厅' (may be empty: then omitted). */
  unitName: string;
  /** Label/value rows in order; a value may be long (several hundred characters, with newlines) and must wrap. */
  rows: readonly SlipRow[];
  /** A paragraph of small print after the rows (wraps; may be empty). */
  notice: string;
  /** Signature lines at the bottom, e.g. ['客户签名', '受理人签名']: each label followed by a drawn line. */
  signatureLabels: readonly string[];
  /** A small footer line, e.g. '打印时间 2026-11-22 10:00 · 工号 1001'; '第 n / m 页' is appended. */
  footer: string;
  /** The document's Title in its info dictionary (e.g. the ticket number). */
  documentTitle: string;
  /** CreationDate in the info dictionary (deterministic output: no clock reads); an invalid date is left out. */
  createdAt: Date;
}>;

const pageWidth = 419.53;
const pageHeight = 595.28;
const margin = 36;
const contentWidth = pageWidth - 2 * margin;
const contentTop = pageHeight - margin;
const lineSpacing = 1.45;

const titleSize = 18;
const unitNameSize = 11;
const rowSize = 10;
const noticeSize = 8.5;
const footerSize = 7.5;

const labelColumnWidth = 70;
const labelGap = 8;
const rowPadding = 3;
const signatureLineLength = 150;
const signatureGap = 8;
const signatureSpacing = 14;

const footerBaseline = margin;
const contentBottom = footerBaseline + footerSize * lineSpacing + 8;
const maxPages = 50;
// The last allowed page keeps room for the '…' line that says the slip was cut short.
const truncationReserve = rowSize * lineSpacing + 2 * rowPadding;
const ellipsis = '\u2026';

/** Helvetica advance widths (AFM, WinAnsiEncoding) for codes 32–126, in 1/1000 em. */
const helveticaWidths: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32–47
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48–63
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64–79
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80–95
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96–111
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 112–126
];

type TextOperation = Readonly<{ kind: 'text'; x: number; y: number; size: number; text: string }>;
type RuleOperation = Readonly<{ kind: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number; gray: number }>;
type DrawOperation = TextOperation | RuleOperation;

/** The slip as PDF 1.4 bytes: A5 portrait, uncompressed content streams, more pages when the rows do not fit. */
export function renderSlipPdf(slip: SlipDocument): Buffer {
  const pages = layoutSlip(slip);
  const footer = singleLine(slip.footer).trim();
  const contents = pages.map((operations, index) => {
    const pageNumber = `第 ${index + 1} / ${pages.length} 页`;
    const footerOperation = centredText(fitFooter(footer, pageNumber), footerSize, footerBaseline);
    return contentStream([...operations, footerOperation]);
  });
  return writeDocument(contents, slip.documentTitle, slip.createdAt);
}

// ---------------------------------------------------------------------------------------
// Text: normalizing, measuring, wrapping.

/**
 * Splits text into paragraphs of printable characters: ASCII and BMP characters stay, tabs
 * become spaces, anything outside the BMP and control characters become '?'.
 */
function paragraphsOf(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/u).map(sanitizeLine);
}

function sanitizeLine(line: string): string {
  let result = '';
  for (const character of line) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '\t') result += ' ';
    else if (character.length > 1 || code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)) result += '?';
    else result += character;
  }
  return result;
}

function singleLine(text: string): string {
  return paragraphsOf(text).join(' ');
}

function isAscii(character: string): boolean {
  const code = character.charCodeAt(0);
  return code >= 0x20 && code <= 0x7e;
}

function characterWidth(character: string, size: number): number {
  const code = character.charCodeAt(0);
  const width = code >= 0x20 && code <= 0x7e ? (helveticaWidths[code - 0x20] ?? 1000) : 1000;
  return (width * size) / 1000;
}

function textWidth(text: string, size: number): number {
  let width = 0;
  for (const character of text) width += characterWidth(character, size);
  return width;
}

// Rounding in the widths must not push a line that fits exactly onto the next one.
const widthTolerance = 0.001;

/** Wraps text into lines no wider than maxWidth: CJK anywhere, ASCII at spaces where it can. */
function wrapText(text: string, size: number, maxWidth: number): string[] {
  return paragraphsOf(text).flatMap((paragraph) => wrapParagraph(paragraph, size, maxWidth));
}

function wrapParagraph(paragraph: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const fits = (width: number) => lineWidth + width <= maxWidth + widthTolerance;
  const breakLine = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  const append = (text: string, width: number) => {
    line += text;
    lineWidth += width;
  };
  const appendCharacter = (character: string) => {
    const width = characterWidth(character, size);
    // A line always takes at least one character, so even an absurdly narrow column ends.
    if (!fits(width) && line.trim() !== '') breakLine();
    append(character, width);
  };

  for (const token of paragraph.match(/ +|[\x21-\x7e]+|[^\x20-\x7e]/gu) ?? []) {
    if (token.startsWith(' ')) {
      // Spaces that do not fit end the line and are dropped; at the start of a paragraph they indent.
      const width = textWidth(token, size);
      if (fits(width)) append(token, width);
      else breakLine();
    } else if (isAscii(token)) {
      const width = textWidth(token, size);
      if (fits(width)) append(token, width);
      else if (width <= maxWidth + widthTolerance) {
        breakLine();
        append(token, width);
      } else {
        for (const character of token) appendCharacter(character);
      }
    } else {
      appendCharacter(token);
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** The footer and its page number on one line, the footer cut short with '…' when too wide. */
function fitFooter(footer: string, pageNumber: string): string {
  const separator = '    ';
  if (footer === '') return pageNumber;
  const available = contentWidth - textWidth(separator + pageNumber, footerSize);
  if (textWidth(footer, footerSize) <= available) return footer + separator + pageNumber;
  let cut = '';
  for (const character of footer) {
    if (textWidth(cut + character + ellipsis, footerSize) > available) break;
    cut += character;
  }
  return cut.trimEnd() + ellipsis + separator + pageNumber;
}

function centredText(text: string, size: number, y: number): TextOperation {
  return { kind: 'text', x: margin + (contentWidth - textWidth(text, size)) / 2, y, size, text };
}

// ---------------------------------------------------------------------------------------
// Layout: a cursor moving down the page, starting a new page when the next line does not fit.

/** Where the baseline of text of this size sits in a line box of this height below `top`. */
function baselineIn(top: number, size: number, height: number): number {
  // Centres the glyph box (Ascent 880, Descent -120) vertically in the line.
  return top - (height - size) / 2 - 0.88 * size;
}

class SlipLayout {
  readonly pages: DrawOperation[][] = [];
  private current: DrawOperation[] = [];
  cursor = contentTop;
  truncated = false;

  constructor() {
    this.pages.push(this.current);
  }

  bottom(): number {
    return this.pages.length >= maxPages ? contentBottom + truncationReserve : contentBottom;
  }

  atPageTop(): boolean {
    return this.cursor === contentTop;
  }

  /** Makes room for `height` points, on a new page if need be; false once the page limit stops the slip. */
  reserve(height: number): boolean {
    if (this.truncated) return false;
    if (this.cursor - height >= this.bottom() - widthTolerance || this.atPageTop()) return true;
    return this.newPage();
  }

  newPage(): boolean {
    if (this.truncated) return false;
    if (this.pages.length >= maxPages) {
      this.truncate();
      return false;
    }
    this.current = [];
    this.pages.push(this.current);
    this.cursor = contentTop;
    return true;
  }

  private truncate(): void {
    const height = rowSize * lineSpacing;
    this.cursor -= rowPadding;
    this.text(margin, baselineIn(this.cursor, rowSize, height), rowSize, ellipsis);
    this.cursor -= height;
    this.truncated = true;
  }

  text(x: number, y: number, size: number, text: string): void {
    if (text !== '') this.current.push({ kind: 'text', x, y, size, text });
  }

  rule(x1: number, y1: number, x2: number, y2: number, width: number, gray: number): void {
    this.current.push({ kind: 'rule', x1, y1, x2, y2, width, gray });
  }

  /** Lines of text across the full width, centred or flush left; false once the slip is cut short. */
  paragraph(text: string, size: number, align: 'centre' | 'left'): boolean {
    const height = size * lineSpacing;
    for (const line of wrapText(text, size, contentWidth)) {
      if (!this.reserve(height)) return false;
      const x = align === 'centre' ? margin + (contentWidth - textWidth(line, size)) / 2 : margin;
      this.text(x, baselineIn(this.cursor, size, height), size, line);
      this.cursor -= height;
    }
    return true;
  }
}

function layoutSlip(slip: SlipDocument): DrawOperation[][] {
  const layout = new SlipLayout();
  layoutContent(layout, slip);
  return layout.pages;
}

function layoutContent(layout: SlipLayout, slip: SlipDocument): void {
  if (slip.title.trim() !== '' && !layout.paragraph(slip.title, titleSize, 'centre')) return;
  if (slip.unitName.trim() !== '' && !layout.paragraph(slip.unitName, unitNameSize, 'centre')) return;
  layout.cursor -= 4;
  layout.rule(margin, layout.cursor, margin + contentWidth, layout.cursor, 0.75, 0);
  layout.cursor -= 6;

  for (const [index, row] of slip.rows.entries()) {
    if (index > 0 && !layout.atPageTop()) layout.rule(margin, layout.cursor, margin + contentWidth, layout.cursor, 0.5, 0.8);
    if (!layoutRow(layout, row)) return;
  }

  if (slip.notice.trim() !== '') {
    layout.cursor -= 8;
    if (!layout.paragraph(slip.notice, noticeSize, 'left')) return;
  }

  layoutSignatures(layout, slip.signatureLabels);
}

function layoutRow(layout: SlipLayout, row: SlipRow): boolean {
  const height = rowSize * lineSpacing;
  const valueX = margin + labelColumnWidth;
  const labelLines = wrapText(row.label, rowSize, labelColumnWidth - labelGap);
  const valueLines = wrapText(row.value, rowSize, contentWidth - labelColumnWidth);
  const lineCount = Math.max(labelLines.length, valueLines.length);
  layout.cursor -= rowPadding;
  for (let index = 0; index < lineCount; index += 1) {
    if (!layout.reserve(height)) return false;
    const baseline = baselineIn(layout.cursor, rowSize, height);
    layout.text(margin, baseline, rowSize, labelLines[index] ?? '');
    layout.text(valueX, baseline, rowSize, valueLines[index] ?? '');
    layout.cursor -= height;
  }
  layout.cursor -= rowPadding;
  return true;
}

/** Each label with a line to sign on, near the bottom of the last page, or atop a new page when there is no room. */
function layoutSignatures(layout: SlipLayout, labels: readonly string[]): void {
  if (labels.length === 0) return;
  const height = rowSize * lineSpacing;
  const labelWidth = contentWidth - signatureLineLength - signatureGap;
  const signatures = labels.map((label) => wrapText(singleLine(label), rowSize, labelWidth));
  const widest = Math.max(...signatures.flat().map((line) => textWidth(line, rowSize)));
  const lineX = margin + widest + signatureGap;
  const entryHeight = (lines: readonly string[]) => lines.length * height + signatureSpacing;
  const blockHeight = signatures.reduce((total, lines) => total + entryHeight(lines), 0);
  const spaceAbove = 20;

  if (layout.cursor - spaceAbove - blockHeight >= layout.bottom()) layout.cursor = layout.bottom() + blockHeight;
  else if (!layout.atPageTop() && !layout.newPage()) return;

  for (const lines of signatures) {
    if (!layout.reserve(entryHeight(lines))) return;
    layout.cursor -= signatureSpacing;
    let baseline = layout.cursor;
    for (const line of lines) {
      baseline = baselineIn(layout.cursor, rowSize, height);
      layout.text(margin, baseline, rowSize, line);
      layout.cursor -= height;
    }
    layout.rule(lineX, baseline - 2, lineX + signatureLineLength, baseline - 2, 0.75, 0);
  }
}

// ---------------------------------------------------------------------------------------
// Content streams.

function formatNumber(value: number): string {
  const rounded = Number(value.toFixed(2));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function literalString(text: string): string {
  return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
}

function hexString(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Splits a sanitized line into runs of ASCII (Helvetica) and of everything else (STSong-Light). */
function scriptRuns(text: string): { ascii: boolean; text: string }[] {
  const runs: { ascii: boolean; text: string }[] = [];
  for (const character of sanitizeLine(text)) {
    const ascii = isAscii(character);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.ascii === ascii) last.text += character;
    else runs.push({ ascii, text: character });
  }
  return runs;
}

/**
 * Characters UniGB-UCS2-H has no code for become the GB2312 middle dot (U+30FB, CID 99),
 * which readers do show: the dot of names like 约翰·史密斯 would otherwise print as an empty box.
 */
function withGbMiddleDots(text: string): string {
  return text.replace(/[\u00b7\u2022\u2027]/g, '\u30fb');
}

function textCommands(operation: TextOperation): string {
  const size = formatNumber(operation.size);
  const parts = [`BT ${formatNumber(operation.x)} ${formatNumber(operation.y)} Td`];
  for (const run of scriptRuns(operation.text)) {
    parts.push(run.ascii ? `/F1 ${size} Tf ${literalString(run.text)} Tj` : `/F2 ${size} Tf ${hexString(withGbMiddleDots(run.text))} Tj`);
  }
  parts.push('ET');
  return parts.join('\n');
}

function ruleCommands(operation: RuleOperation): string {
  const { x1, y1, x2, y2, width, gray } = operation;
  const points = [x1, y1].map(formatNumber).join(' ') + ' m ' + [x2, y2].map(formatNumber).join(' ') + ' l';
  return `q ${formatNumber(width)} w ${formatNumber(gray)} G ${points} S Q`;
}

function contentStream(operations: readonly DrawOperation[]): Buffer {
  const commands = operations.map((operation) => (operation.kind === 'text' ? textCommands(operation) : ruleCommands(operation)));
  return Buffer.from(commands.join('\n') + '\n', 'latin1');
}

// ---------------------------------------------------------------------------------------
// The file: objects, cross-reference table, trailer.

const catalogNumber = 1;
const pagesNumber = 2;
const helveticaNumber = 3;
const songNumber = 4;
const songDescendantNumber = 5;
const songDescriptorNumber = 6;
const infoNumber = 7;
const firstPageNumber = 8;

function pdfDate(date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) return undefined;
  const two = (value: number) => String(value).padStart(2, '0');
  const fields = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(two);
  return `D:${String(year).padStart(4, '0')}${fields.join('')}Z`;
}

/** UTF-16BE with a byte order mark, the PDF text string form for anything beyond Latin-1. */
function textString(text: string): string {
  // Lone surrogates would make the string undecodable; pairs are kept as they are.
  const wellFormed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return hexString('\ufeff' + wellFormed);
}

function writeDocument(contents: readonly Buffer[], documentTitle: string, createdAt: Date): Buffer {
  const objects = new Map<number, Buffer>();
  const dictionary = (number: number, body: string) => objects.set(number, Buffer.from(`<< ${body} >>`, 'latin1'));
  const pageNumbers = contents.map((_, index) => firstPageNumber + 2 * index);

  dictionary(catalogNumber, `/Type /Catalog /Pages ${pagesNumber} 0 R`);
  dictionary(pagesNumber, `/Type /Pages /Kids [${pageNumbers.map((number) => `${number} 0 R`).join(' ')}] /Count ${contents.length}`);
  dictionary(helveticaNumber, '/Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding');
  dictionary(songNumber, `/Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${songDescendantNumber} 0 R]`);
  dictionary(
    songDescendantNumber,
    '/Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light' +
      ' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>' +
      ` /FontDescriptor ${songDescriptorNumber} 0 R /DW 1000`,
  );
  dictionary(
    songDescriptorNumber,
    '/Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]' +
      ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93',
  );
  const creationDate = pdfDate(createdAt);
  dictionary(infoNumber, `/Title ${textString(documentTitle)} /Producer (Seatdesk)${creationDate === undefined ? '' : ` /CreationDate (${creationDate})`}`);

  const resources = `/Font << /F1 ${helveticaNumber} 0 R /F2 ${songNumber} 0 R >> /ProcSet [/PDF /Text]`;
  for (const [index, content] of contents.entries()) {
    const pageNumber = firstPageNumber + 2 * index;
    dictionary(
      pageNumber,
      `/Type /Page /Parent ${pagesNumber} 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << ${resources} >> /Contents ${pageNumber + 1} 0 R`,
    );
    objects.set(
      pageNumber + 1,
      Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    );
  }

  // The second line's bytes above 127 tell transfer tools that the file is binary.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  const size = firstPageNumber + 2 * contents.length;
  for (let number = 1; number < size; number += 1) {
    const body = objects.get(number);
    if (body === undefined) throw new Error(`PDF object ${number} was never written`);
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${number} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    length += chunk.length;
  }

  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`).join('');
  const trailer =
    `xref\n0 ${size}\n0000000000 65535 f\r\n${entries}` +
    `trailer\n<< /Size ${size} /Root ${catalogNumber} 0 R /Info ${infoNumber} 0 R >>\n` +
    `startxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(trailer, 'latin1'));
  return Buffer.concat(chunks);
}
