import { describe, expect, it } from 'vitest';
import { renderSlipPdf, type SlipDocument } from './pdf-document';

const baseSlip: SlipDocument = {
  title: '业务受理单',
  unitName: '某某通信 朝阳营业厅',
  rows: [
    { label: '受理编号', value: 'GD20261122-0001' },
    { label: '客户姓名', value: '王*国' },
    { label: '联系电话', value: '138****5678' },
    { label: '业务内容', value: '宽带报修（光猫 LOS 灯红）\n客户要求周末上门。' },
  ],
  notice: '本单据为业务受理凭证，请妥善保管。如有疑问请拨打客服热线 10000。',
  signatureLabels: ['客户签名', '受理人签名'],
  footer: '打印时间 2026-11-22 10:00 · 工号 1001',
  documentTitle: 'GD20261122-0001',
  createdAt: new Date('2026-11-22T02:00:00Z'),
};

function slipWith(changes: Partial<SlipDocument>): SlipDocument {
  return { ...baseSlip, ...changes };
}

// ---------------------------------------------------------------------------------------
// A test-only reader for the PDFs this writer produces (not a general PDF parser).

/** One character per byte, so string indices are byte offsets. */
function bytesAsText(pdf: Buffer): string {
  return pdf.toString('latin1');
}

type CrossReference = { size: number; offsets: Map<number, number>; xrefOffset: number };

function readCrossReference(text: string): CrossReference {
  const tail = /startxref\n(\d+)\n%%EOF\r?\n?$/.exec(text);
  if (tail === null) throw new Error('no startxref at the end');
  const xrefOffset = Number(tail[1]);
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefOffset));
  if (header === null) throw new Error(`no xref at ${xrefOffset}`);
  const size = Number(header[1]);
  const offsets = new Map<number, number>();
  const entriesStart = xrefOffset + header[0].length;
  for (let number = 0; number < size; number += 1) {
    const entry = text.slice(entriesStart + 20 * number, entriesStart + 20 * (number + 1));
    const match = /^(\d{10}) (\d{5}) ([nf])(\r\n| \n)$/.exec(entry);
    if (match === null) throw new Error(`bad xref entry ${number}: ${JSON.stringify(entry)}`);
    if (match[3] === 'n') offsets.set(number, Number(match[1]));
  }
  const afterEntries = text.slice(entriesStart + 20 * size);
  if (!afterEntries.startsWith('trailer')) throw new Error('the xref table has a different length than its header says');
  return { size, offsets, xrefOffset };
}

function objectText(text: string, reference: CrossReference, number: number): string {
  const offset = reference.offsets.get(number);
  if (offset === undefined) throw new Error(`object ${number} not in the xref table`);
  const end = text.indexOf('endobj', offset);
  return text.slice(offset, end);
}

function referenceIn(dictionary: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (match === null) throw new Error(`no /${key} in ${dictionary}`);
  return Number(match[1]);
}

/** The data of the stream in an object, checked against its /Length. */
function streamData(object: string): string {
  const length = /\/Length (\d+)/.exec(object);
  const start = /stream\r?\n/.exec(object);
  if (length === null || start === null) throw new Error('not a stream object');
  const dataStart = start.index + start[0].length;
  const data = object.slice(dataStart, dataStart + Number(length[1]));
  expect(object.slice(dataStart + data.length)).toMatch(/^\r?\n?endstream/);
  return data;
}

/** Every page's content stream, in page order. */
function pageContents(pdf: Buffer): string[] {
  const text = bytesAsText(pdf);
  const reference = readCrossReference(text);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const catalog = objectText(text, reference, referenceIn(trailer, 'Root'));
  const pages = objectText(text, reference, referenceIn(catalog, 'Pages'));
  const kids = /\/Kids \[([^\]]*)\]/.exec(pages)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].map((match) => {
    const page = objectText(text, reference, Number(match[1]));
    return streamData(objectText(text, reference, referenceIn(page, 'Contents')));
  });
}

function decodeUtf16(hex: string): string {
  let result = '';
  for (let index = 0; index < hex.length; index += 4) result += String.fromCharCode(parseInt(hex.slice(index, index + 4), 16));
  return result;
}

type TextLine = { x: number; y: number; size: number; text: string };

/** The text of each BT … ET block of a content stream, literal and hex runs decoded and joined. */
function textLines(content: string): TextLine[] {
  const lines: TextLine[] = [];
  let line: TextLine = { x: 0, y: 0, size: 0, text: '' };
  const operands: string[] = [];
  let pending = '';
  for (const [token] of content.matchAll(/\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f]*>|[^\s()<>]+/g)) {
    if (token.startsWith('(')) pending = token.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (token.startsWith('<')) pending = decodeUtf16(token.slice(1, -1));
    else if (token === 'BT') line = { x: 0, y: 0, size: 0, text: '' };
    else if (token === 'Td') [line.x, line.y] = operands.slice(-2).map(Number) as [number, number];
    else if (token === 'Tf') line.size = Number(operands[operands.length - 1]);
    else if (token === 'Tj') line.text += pending;
    else if (token === 'ET') lines.push(line);
    if (/^[A-Za-z]+$/.test(token)) operands.length = 0;
    else operands.push(token);
  }
  return lines;
}

/** The text lines drawn in the value column (x = 36 + 70). */
function valueLines(content: string): string[] {
  return textLines(content)
    .filter((line) => line.x === 106)
    .map((line) => line.text);
}

type Stroke = { x1: number; y1: number; x2: number; y2: number };

function strokes(content: string): Stroke[] {
  return [...content.matchAll(/([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S/g)].map((match) => {
    const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
    return { x1, y1, x2, y2 };
  });
}

/** Content with every run of white space as one space, to compare operator sequences. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function hexOf(text: string): string {
  return [...text].map((character) => character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
}

// ---------------------------------------------------------------------------------------

describe('renderSlipPdf file structure', () => {
  it('writes a PDF 1.4 header with a binary comment and ends with %%EOF', () => {
    const pdf = renderSlipPdf(baseSlip);
    expect(bytesAsText(pdf.subarray(0, 9))).toBe('%PDF-1.4\n');
    const secondLine = pdf.subarray(9, pdf.indexOf(0x0a, 9));
    expect(secondLine[0]).toBe(0x25);
    expect([...secondLine.subarray(1)].every((byte) => byte >= 128)).toBe(true);
    expect(bytesAsText(pdf)).toMatch(/%%EOF\r?\n?$/);
  });

  it('has a cross-reference table whose offsets point at their objects', () => {
    const pdf = renderSlipPdf(baseSlip);
    const text = bytesAsText(pdf);
    const reference = readCrossReference(text);
    expect(text.slice(reference.xrefOffset, reference.xrefOffset + 4)).toBe('xref');
    expect(reference.offsets.size).toBe(reference.size - 1);
    for (const [number, offset] of reference.offsets) expect(text.slice(offset)).toMatch(new RegExp(`^${number} 0 obj\\b`));
    const objectCount = [...text.matchAll(/^(\d+) 0 obj$/gm)].length;
    expect(objectCount).toBe(reference.size - 1);
    expect(text).toMatch(new RegExp(`trailer\\n<< /Size ${reference.size} /Root \\d+ 0 R /Info \\d+ 0 R >>`));
  });

  it('keeps byte offsets right when the content holds multi-byte text', () => {
    // A PDF that measured string lengths instead of bytes would be off here, where every content
    // line is CJK; the check also reads the binary header comment, which is 4 bytes of 128+.
    const pdf = renderSlipPdf(slipWith({ title: '受理'.repeat(20), documentTitle: '工单 😀 受理' }));
    const text = bytesAsText(pdf);
    const reference = readCrossReference(text);
    for (const [number, offset] of reference.offsets) expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${number} 0 obj\\n`));
  });

  it('gives every content stream a /Length equal to its byte length', () => {
    const pdf = renderSlipPdf(slipWith({ rows: [{ label: '业务内容', value: '工单（受理）\\ (x) '.repeat(400) }] }));
    const text = bytesAsText(pdf);
    const streams = [...text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)];
    expect(streams.length).toBeGreaterThan(1);
    for (const match of streams) {
      const start = match.index + match[0].length;
      expect(text.slice(start + Number(match[1]))).toMatch(/^\nendstream\nendobj/);
    }
    expect(pageContents(pdf)).toHaveLength(streams.length);
  });

  it('declares Helvetica and the non-embedded STSong-Light CJK font', () => {
    const text = bytesAsText(renderSlipPdf(baseSlip));
    expect(text).toContain('/Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    expect(text).toContain('/Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [');
    expect(text).toContain('/Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>');
    expect(text).toMatch(/\/DW 1000\b/);
    expect(text).toMatch(/\/Type \/FontDescriptor .*\/Flags [46] \/FontBBox \[[-\d ]+\] \/ItalicAngle 0 \/Ascent 880 \/Descent -120 \/CapHeight 880 \/StemV 93/);
    expect(text).toContain('/MediaBox [0 0 419.53 595.28]');
    expect(text).not.toMatch(/FontFile|Filter/);
  });

  it('fills the info dictionary deterministically', () => {
    const text = bytesAsText(renderSlipPdf(baseSlip));
    expect(text).toContain(`/Title <FEFF${hexOf('GD20261122-0001')}>`);
    expect(text).toContain('/Producer (Seatdesk)');
    expect(text).toContain('/CreationDate (D:20261122020000Z)');
    const invalid = bytesAsText(renderSlipPdf(slipWith({ createdAt: new Date(Number.NaN) })));
    expect(invalid).not.toContain('/CreationDate');
  });

  it('gives the same bytes for the same input', () => {
    const slip = slipWith({ rows: [...baseSlip.rows, { label: '备注', value: '长'.repeat(2000) }] });
    expect(renderSlipPdf(slip).equals(renderSlipPdf(slip))).toBe(true);
    expect(renderSlipPdf(slip).equals(renderSlipPdf(slipWith({ ...slip, createdAt: new Date('2026-11-22T02:00:01Z') })))).toBe(false);
  });
});

describe('renderSlipPdf text', () => {
  it('writes ASCII literally in Helvetica and CJK as UTF-16BE hex in STSong-Light', () => {
    const pdf = renderSlipPdf(baseSlip);
    const text = flat(bytesAsText(pdf));
    expect(text).toContain('(GD20261122-0001) Tj');
    expect(text).toContain('(138****5678) Tj');
    // 受 U+53D7, 理 U+7406, 编 U+7F16, 号 U+53F7.
    expect(text).toContain('/F2 10 Tf <53D774067F1653F7> Tj');
    expect(hexOf('受理编号')).toBe('53D774067F1653F7');
    expect(text).toContain('/F1 10 Tf (138****5678) Tj');
    // One line in two scripts switches font at each run.
    expect(text).toContain(`/F2 10 Tf <${hexOf('宽带报修（光猫')}> Tj /F1 10 Tf ( LOS ) Tj /F2 10 Tf <${hexOf('灯红）')}> Tj`);
    const lines = textLines(pageContents(pdf)[0]!).map((line) => line.text);
    expect(lines).toEqual(expect.arrayContaining(['业务受理单', '某某通信 朝阳营业厅', '受理编号', 'GD20261122-0001', '138****5678']));
  });

  it('escapes backslashes and parentheses in literal strings', () => {
    const text = bytesAsText(renderSlipPdf(slipWith({ rows: [{ label: 'Path', value: 'C:\\temp (copy) )(' }] })));
    expect(text).toContain('(C:\\\\temp \\(copy\\) \\)\\() Tj');
  });

  it('turns characters outside the BMP and control characters into ?', () => {
    const slip = slipWith({ rows: [{ label: '备注', value: 'A😀B\u0007C\ud800D\u007fE\u0085F\tG\r\nH\rI' }] });
    const pdf = renderSlipPdf(slip);
    const text = bytesAsText(pdf);
    expect(valueLines(pageContents(pdf)[0]!)).toEqual(['A?B?C?D?E?F G', 'H', 'I']);
    expect(text).toContain('(A?B?C?D?E?F G) Tj');
    expect(text).not.toMatch(/D83D|DE00|D800/);
    expect(pdf.includes(Buffer.from('😀'))).toBe(false);
    // In the info dictionary a surrogate pair is valid UTF-16BE and stays; a lone one is replaced.
    const titled = bytesAsText(renderSlipPdf(slipWith({ documentTitle: 'a😀\udc00' })));
    expect(titled).toContain('/Title <FEFF0061D83DDE00FFFD>');
  });

  it('writes the middle dot as the one UniGB-UCS2-H maps', () => {
    const text = flat(bytesAsText(renderSlipPdf(slipWith({ rows: [{ label: '客户姓名', value: '约翰·史密斯' }] }))));
    expect(text).toContain(`<${hexOf('约翰\u30fb史密斯')}> Tj`);
    const codeUnits = [...text.matchAll(/<([0-9A-F]+)>/g)].flatMap((match) => match[1]!.match(/.{4}/g) ?? []);
    expect(codeUnits).toContain('30FB');
    expect(codeUnits).not.toContain('00B7');
  });

  it('omits an empty unit name and an empty notice', () => {
    const pdf = renderSlipPdf(slipWith({ unitName: '', notice: '' }));
    const lines = textLines(pageContents(pdf)[0]!).map((line) => line.text);
    expect(lines).not.toContain('');
    expect(lines).not.toContain('某某通信 朝阳营业厅');
    expect(lines.some((line) => line.startsWith('本单据'))).toBe(false);
    expect(lines).toContain('业务受理单');
  });

  it('writes the notice in small print', () => {
    const notice = textLines(pageContents(renderSlipPdf(baseSlip))[0]!).find((line) => line.text.startsWith('本单据'));
    expect(notice?.size).toBe(8.5);
    expect(notice?.x).toBe(36);
  });
});

describe('renderSlipPdf wrapping', () => {
  it('fits as many characters on a value line as their widths allow', () => {
    // The value column is 419.53 − 2 × 36 − 70 = 277.53 pt wide at 10 pt.
    const lineLengths = (value: string) => valueLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value }] })))[0]!).map((line) => line.length);
    expect(lineLengths('测'.repeat(60))).toEqual([27, 27, 6]);
    expect(lineLengths('W'.repeat(60))).toEqual([29, 29, 2]);
    expect(lineLengths('i'.repeat(130))).toEqual([125, 5]);
    expect(lineLengths('@'.repeat(30))).toEqual([27, 3]);
  });

  it('measures every printable ASCII character with its Helvetica width', () => {
    // Helvetica.afm WX for codes 33–126 (WinAnsi: 39 quotesingle, 96 grave), typed apart from the writer's table.
    const afmWidths = (
      '278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 ' +
      '1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 ' +
      '333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584'
    )
      .split(' ')
      .map(Number);
    expect(afmWidths).toHaveLength(94);
    const perLine = afmWidths.map((width) => Math.floor(277.53 / ((width * 10) / 1000) + 1e-6));
    const rows = afmWidths.map((_, index) => ({ label: 'x', value: String.fromCharCode(33 + index).repeat(perLine[index]! + 3) }));
    const lines = pageContents(renderSlipPdf(slipWith({ rows }))).flatMap(valueLines);
    expect(lines).toHaveLength(2 * rows.length);
    for (const [index, row] of rows.entries()) {
      expect({ character: row.value[0], first: lines[2 * index]!.length }).toEqual({ character: row.value[0], first: perLine[index] });
      expect(lines[2 * index]! + lines[2 * index + 1]!).toBe(row.value);
    }
  });

  it('breaks ASCII at spaces and a word longer than the line anywhere', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    const lines = valueLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value: words }] })))[0]!);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(words);
    for (const line of lines) expect(line).toMatch(/^word\d+( word\d+)*$/);

    const long = 'x'.repeat(100);
    const mixed = valueLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value: `ab ${long} 中文` }] })))[0]!);
    // 'ab ' is 13.9 pt and each x 5 pt: 52 of them still fit on the first line.
    expect(mixed).toEqual([`ab ${'x'.repeat(52)}`, `${'x'.repeat(48)} 中文`]);
  });

  it('wraps CJK anywhere and keeps newlines', () => {
    const value = '第一段'.repeat(12) + '\n\n' + '第二段';
    const lines = valueLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value }] })))[0]!);
    expect(lines).toEqual(['第一段'.repeat(9), '第一段'.repeat(3), '第二段']);
    const indented = valueLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value: `  a\n${'测'.repeat(27)}   b  ` }] })))[0]!);
    expect(indented).toEqual(['  a', '测'.repeat(27), 'b']);
    // The blank line still takes its place: the last line sits three line heights below the first.
    const drawn = textLines(pageContents(renderSlipPdf(slipWith({ rows: [{ label: 'x', value }] })))[0]!).filter((line) => line.x === 106);
    expect(drawn[0]!.y - drawn[2]!.y).toBeCloseTo(3 * 14.5, 1);
  });
});

describe('renderSlipPdf pages', () => {
  const longSlip = slipWith({ rows: [...baseSlip.rows, { label: '详细描述', value: '测'.repeat(3000) }] });

  it('continues a long value on further pages, numbering every page', () => {
    const pdf = renderSlipPdf(longSlip);
    const text = bytesAsText(pdf);
    const count = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(1);
    expect([...text.matchAll(/\/Type \/Page\b(?!s)/g)]).toHaveLength(count);
    const contents = pageContents(pdf);
    expect(contents).toHaveLength(count);
    for (const [index, content] of contents.entries()) {
      expect(flat(content)).toContain(`<7B2C> Tj /F1 7.5 Tf ( ${index + 1} / ${count} ) Tj /F2 7.5 Tf <9875> Tj`);
      const footer = textLines(content).at(-1)!;
      // The middle dot goes out as U+30FB, the one UniGB-UCS2-H maps.
      expect(footer.text).toBe(`打印时间 2026-11-22 10:00 \u30fb 工号 1001    第 ${index + 1} / ${count} 页`);
      expect(footer.size).toBe(7.5);
    }
    // Nothing is lost between pages, and nothing is drawn into the footer's space.
    const drawnCharacters = contents.flatMap(valueLines).join('');
    expect([...drawnCharacters].filter((character) => character === '测')).toHaveLength(3000);
    for (const content of contents) {
      const lines = textLines(content);
      for (const line of lines.slice(0, -1)) expect(line.y).toBeGreaterThan(50);
    }
  });

  it('puts the signature lines near the bottom of the last page', () => {
    const contents = pageContents(renderSlipPdf(baseSlip));
    expect(contents).toHaveLength(1);
    const lines = textLines(contents[0]!);
    const signatureLabels = lines.filter((line) => line.text === '客户签名' || line.text === '受理人签名');
    expect(signatureLabels).toHaveLength(2);
    for (const label of signatureLabels) expect(label.y).toBeLessThan(120);
    const signatureStrokes = strokes(contents[0]!).filter((stroke) => stroke.x2 - stroke.x1 === 150);
    expect(signatureStrokes).toHaveLength(2);
    for (const [index, stroke] of signatureStrokes.entries()) {
      expect(stroke.y1).toBe(stroke.y2);
      expect(stroke.y1).toBeLessThan(signatureLabels[index]!.y);
      expect(stroke.x1).toBeGreaterThan(36);
      expect(stroke.x2).toBeLessThanOrEqual(419.53 - 36);
    }
  });

  it('moves the signatures to a new page when the last page is full', () => {
    // Fill the first page up to a few lines above its bottom, too little room for two signatures.
    const filler = (lines: number) => slipWith({ notice: '', rows: [{ label: 'x', value: Array.from({ length: lines }, () => '行').join('\n') }] });
    const onePage = (lines: number) => pageContents(renderSlipPdf(filler(lines))).length === 1;
    let lines = 1;
    while (onePage(lines + 1)) lines += 1;
    const contents = pageContents(renderSlipPdf(filler(lines + 1)));
    expect(contents).toHaveLength(2);
    expect(valueLines(contents[0]!)).toHaveLength(lines + 1);
    expect(valueLines(contents[1]!)).toEqual([]);
    const labels = textLines(contents[1]!).map((line) => line.text);
    expect(labels.slice(0, 2)).toEqual(['客户签名', '受理人签名']);
  });

  it('stops at 50 pages with an ellipsis line', () => {
    const pdf = renderSlipPdf(slipWith({ rows: [{ label: '详细描述', value: '测'.repeat(60_000) }] }));
    const text = bytesAsText(pdf);
    expect(text).toMatch(/\/Count 50\b/);
    const contents = pageContents(pdf);
    expect(contents).toHaveLength(50);
    const lastLines = textLines(contents[49]!).map((line) => line.text);
    expect(lastLines.at(-2)).toBe('\u2026');
    expect(lastLines).not.toContain('客户签名');
    expect(lastLines.at(-1)).toContain('第 50 / 50 页');
  });
});
