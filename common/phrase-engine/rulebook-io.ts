import { phraseRuleIdSchema, phraseRuleLimits, phraseRuleSchema, type PhraseRule } from './rulebook';

/** The `format` field of an exported JSON rulebook. */
export const rulebookJsonFormat = 'seatdesk-phrase-rules';

/** The version of the JSON rulebook file this code writes and reads. */
export const rulebookJsonVersion = 1;

/** The CSV columns, in the order the exporter writes them (the rule schema's order). */
export const rulebookCsvColumns = ['id', 'phrases', 'category', 'severity', 'exceptions', 'suggestions', 'enabled', 'note'] as const;

/** The largest rulebook file an import accepts, in bytes of UTF-8 (20 MB). */
export const rulebookFileMaxBytes = 20 * 1024 * 1024;

/** Something that keeps a rulebook file from being imported, at a 1-based line of the file. */
export type RulebookImportProblem = Readonly<{ line: number; message: string }>;

/**
 * The outcome of reading a rulebook file: every rule, validated, in file order; or every problem
 * found, by line. A file with any problem imports nothing.
 */
export type RulebookImport =
  | Readonly<{ ok: true; rules: PhraseRule[] }>
  | Readonly<{ ok: false; problems: RulebookImportProblem[] }>;

/** Marks a record too broken to hand to the rule schema (its problems say why). */
const unreadable = Symbol('unreadable');

/** A rule as read from the file, not yet validated, with the line where it begins. */
type RuleCandidate = Readonly<{ line: number; value: unknown; problems: readonly string[] }>;

const byteOrderMark = '\uFEFF';
const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const quote = 0x22;
const comma = 0x2c;

// ---------------------------------------------------------------------------------------------
// Export

/** A rule as the exporters take it: lists may be read-only (such as constants declared `as const`). */
type ExportedRule = Readonly<Omit<PhraseRule, 'phrases' | 'exceptions' | 'suggestions'>> &
  Readonly<{ phrases: readonly string[]; exceptions: readonly string[]; suggestions: readonly string[] }>;

/** The rule's fields in the schema's order, without anything else the object carries. */
function orderedRule(rule: ExportedRule): PhraseRule {
  return {
    id: rule.id,
    phrases: [...rule.phrases],
    category: rule.category,
    severity: rule.severity,
    exceptions: [...rule.exceptions],
    suggestions: [...rule.suggestions],
    enabled: rule.enabled,
    note: rule.note,
  };
}

/**
 * The rulebook as a JSON file: `{"format": "seatdesk-phrase-rules", "version": 1, "rules": […]}`,
 * indented by two spaces, each rule's fields in the schema's order, ending with a line break.
 */
export function exportRulebookJson(rules: readonly ExportedRule[]): string {
  const file = { format: rulebookJsonFormat, version: rulebookJsonVersion, rules: rules.map(orderedRule) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** One list item for a CSV cell: `\` becomes `\\` and `|` becomes `\|`. */
function escapeListItem(item: string): string {
  return item.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

/** A CSV cell, quoted (quotes doubled) when it holds a comma, quote or line break, or starts or ends with a space. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvRecord(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * The rulebook as an RFC 4180 CSV file for Excel: a UTF-8 byte order mark (so Excel reads
 * Chinese correctly), CRLF line ends, the header {@link rulebookCsvColumns}, one rule a record.
 * List cells join their items with `|` (a `|` inside an item is written `\|`, a `\` as `\\`);
 * `enabled` is `true` or `false`.
 */
export function exportRulebookCsv(rules: readonly ExportedRule[]): string {
  const records = [csvRecord(rulebookCsvColumns)];
  for (const rule of rules) {
    records.push(
      csvRecord([
        rule.id,
        rule.phrases.map(escapeListItem).join('|'),
        rule.category,
        rule.severity,
        rule.exceptions.map(escapeListItem).join('|'),
        rule.suggestions.map(escapeListItem).join('|'),
        rule.enabled ? 'true' : 'false',
        rule.note,
      ]),
    );
  }
  return `${byteOrderMark}${records.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Shared by both importers

/** Bytes of `text` in UTF-8, counted without encoding it. */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** A problem that concerns the file as a whole (too large, empty), or `undefined`. */
function fileProblem(text: string): RulebookImportProblem | undefined {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a longer string is too large for sure.
  if (text.length > rulebookFileMaxBytes || utf8ByteLength(text) > rulebookFileMaxBytes) {
    return { line: 1, message: `The file is larger than ${rulebookFileMaxBytes / (1024 * 1024)} MB.` };
  }
  if (text.replace(byteOrderMark, '').trim() === '') return { line: 1, message: 'The file is empty.' };
  return undefined;
}

function failure(problems: RulebookImportProblem[]): RulebookImport {
  return { ok: false, problems: problems.sort((first, second) => first.line - second.line) };
}

/** 1-based line numbers of offsets in a text; a line ends at LF, CRLF or a lone CR. Fastest for rising offsets. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (; this.offset < target && this.offset < this.text.length; this.offset++) {
      const unit = this.text.charCodeAt(this.offset);
      if (unit === lineFeed || (unit === carriageReturn && this.text.charCodeAt(this.offset + 1) !== lineFeed)) this.line++;
    }
    return this.line;
  }
}

/** `phrases item 2` for the path `['phrases', 1]`: the field, then 1-based list positions. */
function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part))).join(' ');
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id = phraseRuleIdSchema.safeParse(value.id);
  return id.success ? id.data : undefined;
}

/**
 * Validates every candidate with {@link phraseRuleSchema} and the set for duplicate IDs
 * (reported at the later rule) and size, collecting every problem.
 */
function validateCandidates(candidates: readonly RuleCandidate[], listLine: number): RulebookImport {
  if (candidates.length === 0) return failure([{ line: listLine, message: 'The file has no rules.' }]);
  const problems: RulebookImportProblem[] = [];
  if (candidates.length > phraseRuleLimits.rulesPerRulebook) {
    problems.push({
      line: listLine,
      message: `The file has ${candidates.length} rules; a rulebook holds at most ${phraseRuleLimits.rulesPerRulebook}.`,
    });
  }
  const rules: PhraseRule[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const candidate of candidates) {
    for (const message of candidate.problems) problems.push({ line: candidate.line, message });
    if (candidate.value === unreadable) continue;
    const result = phraseRuleSchema.safeParse(candidate.value);
    if (result.success) rules.push(result.data);
    else {
      for (const issue of result.error.issues) {
        const field = describePath(issue.path);
        problems.push({ line: candidate.line, message: field === '' ? issue.message : `${field}: ${issue.message}` });
      }
    }
    const id = idOf(candidate.value);
    if (id === undefined) continue;
    const firstLine = firstLineOfId.get(id);
    if (firstLine === undefined) firstLineOfId.set(id, candidate.line);
    else problems.push({ line: candidate.line, message: `id: Rule ID "${id}" is used twice (first on line ${firstLine}).` });
  }
  return problems.length > 0 ? failure(problems) : { ok: true, rules };
}

// ---------------------------------------------------------------------------------------------
// JSON

/** JSON that cannot be read, at an offset of the text. */
class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** Offsets the reader records for the top-level object: each key, and each element of a list value. */
type TopLevelOffsets = Readonly<{ keys: Map<string, number>; elements: Map<string, number[]> }>;

/** Far deeper than any rulebook; keeps hostile nesting from exhausting the stack. */
const maximumJsonDepth = 64;
const jsonNumber = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const jsonEscapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A strict JSON reader (RFC 8259, as `JSON.parse`) that also records where the top-level
 * object's keys and list elements begin, and refuses a key repeated within one object.
 */
class JsonReader {
  private offset = 0;

  constructor(private readonly text: string) {}

  /** The whole text as one value; `offsets` receives the positions inside a top-level object. */
  readDocument(offsets: TopLevelOffsets): unknown {
    this.skipWhitespace();
    const value = this.peek() === '{' ? this.readObject(1, offsets) : this.readValue(1);
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail(`unexpected ${this.describeNext()} after the end of the JSON data`);
    return value;
  }

  private fail(message: string, offset = this.offset): never {
    throw new JsonSyntaxError(offset, message);
  }

  private peek(): string {
    return this.text.charAt(this.offset);
  }

  private describeNext(): string {
    if (this.offset >= this.text.length) return 'end of file';
    return `"${String.fromCodePoint(this.text.codePointAt(this.offset) ?? 0)}"`;
  }

  private skipWhitespace(): void {
    for (; this.offset < this.text.length; this.offset++) {
      const unit = this.text.charCodeAt(this.offset);
      if (unit !== 0x20 && unit !== 0x09 && unit !== lineFeed && unit !== carriageReturn) return;
    }
  }

  private readValue(depth: number): unknown {
    if (depth > maximumJsonDepth) this.fail('the data is nested too deeply');
    this.skipWhitespace();
    const next = this.peek();
    if (next === '{') return this.readObject(depth);
    if (next === '[') return this.readArray(depth);
    if (next === '"') return this.readString();
    if (next === '-' || (next >= '0' && next <= '9')) return this.readNumber();
    for (const [literal, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return value;
      }
    }
    return this.fail(`expected a value, found ${this.describeNext()}`);
  }

  private readObject(depth: number, offsets?: TopLevelOffsets): Record<string, unknown> {
    if (depth > maximumJsonDepth) this.fail('the data is nested too deeply');
    this.offset++;
    const entries: [string, unknown][] = [];
    const keys = new Set<string>();
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.offset++;
      return {};
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === '}') this.fail('a comma before "}" (JSON allows no trailing comma)');
      if (this.peek() !== '"') this.fail(`expected a quoted field name, found ${this.describeNext()}`);
      const keyOffset = this.offset;
      const key = this.readString();
      if (keys.has(key)) this.fail(`the field "${key}" appears twice in the same object`, keyOffset);
      keys.add(key);
      this.skipWhitespace();
      if (this.peek() !== ':') this.fail(`expected ":" after "${key}", found ${this.describeNext()}`);
      this.offset++;
      this.skipWhitespace();
      offsets?.keys.set(key, keyOffset);
      if (offsets !== undefined && this.peek() === '[') {
        const elements: number[] = [];
        offsets.elements.set(key, elements);
        entries.push([key, this.readArray(depth + 1, elements)]);
      } else entries.push([key, this.readValue(depth + 1)]);
      this.skipWhitespace();
      const separator = this.peek();
      if (separator !== ',' && separator !== '}') this.fail(`expected "," or "}", found ${this.describeNext()}`);
      this.offset++;
      if (separator === '}') return Object.fromEntries(entries) as Record<string, unknown>;
    }
  }

  private readArray(depth: number, elementOffsets?: number[]): unknown[] {
    if (depth > maximumJsonDepth) this.fail('the data is nested too deeply');
    this.offset++;
    const elements: unknown[] = [];
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.offset++;
      return elements;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === ']') this.fail('a comma before "]" (JSON allows no trailing comma)');
      elementOffsets?.push(this.offset);
      elements.push(this.readValue(depth + 1));
      this.skipWhitespace();
      const separator = this.peek();
      if (separator !== ',' && separator !== ']') this.fail(`expected "," or "]", found ${this.describeNext()}`);
      this.offset++;
      if (separator === ']') return elements;
    }
  }

  private readString(): string {
    const start = this.offset;
    this.offset++;
    let value = '';
    let runStart = this.offset;
    for (;;) {
      if (this.offset >= this.text.length) this.fail('a string that is never closed', start);
      const unit = this.text.charCodeAt(this.offset);
      if (unit === quote) {
        value += this.text.slice(runStart, this.offset);
        this.offset++;
        return value;
      }
      if (unit < 0x20) this.fail('a line break or control character inside a string (write a line break as \\n)');
      if (unit !== 0x5c) {
        this.offset++;
        continue;
      }
      value += this.text.slice(runStart, this.offset);
      const escape = this.text.charAt(this.offset + 1);
      if (escape === 'u') {
        const hex = this.text.slice(this.offset + 2, this.offset + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail('"\\u" must be followed by four hex digits');
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.offset += 6;
      } else {
        const replacement = jsonEscapes[escape];
        if (replacement === undefined) this.fail(`"\\${escape}" is not a JSON escape`);
        value += replacement;
        this.offset += 2;
      }
      runStart = this.offset;
    }
  }

  private readNumber(): number {
    jsonNumber.lastIndex = this.offset;
    const match = jsonNumber.exec(this.text);
    if (match === null) return this.fail('a malformed number');
    this.offset += match[0].length;
    return Number(match[0]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a JSON rulebook file written by {@link exportRulebookJson} (a byte order mark, LF, CRLF or CR
 * accepted). Each problem carries the line of the rule's opening `{`; a syntax error, the line
 * where reading stopped.
 */
export function parseRulebookJson(text: string): RulebookImport {
  const tooLargeOrEmpty = fileProblem(text);
  if (tooLargeOrEmpty !== undefined) return failure([tooLargeOrEmpty]);
  const source = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  const lines = new LineCounter(source);
  const offsets: TopLevelOffsets = { keys: new Map(), elements: new Map() };
  let file: unknown;
  try {
    file = new JsonReader(source).readDocument(offsets);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return failure([{ line: lines.lineAt(error.offset), message: `JSON syntax error: ${error.message}.` }]);
  }
  const lineOfKey = (key: string): number => lines.lineAt(offsets.keys.get(key) ?? 0);

  if (!isRecord(file) || file.format !== rulebookJsonFormat) {
    return failure([
      {
        line: isRecord(file) ? lineOfKey('format') : 1,
        message: `Not a Seatdesk phrase rules file: expected an object with "format": "${rulebookJsonFormat}".`,
      },
    ]);
  }
  if (file.version !== rulebookJsonVersion) {
    const newer = typeof file.version === 'number' && Number.isInteger(file.version) && file.version > rulebookJsonVersion;
    return failure([
      {
        line: lineOfKey('version'),
        message: newer
          ? `The file was written by a newer Seatdesk (rules file version ${String(file.version)}); this one reads version ${rulebookJsonVersion}.`
          : `"version" must be ${rulebookJsonVersion}.`,
      },
    ]);
  }
  if (!Array.isArray(file.rules)) {
    return failure([
      { line: lineOfKey('rules'), message: '"rules" must be a list of rules.' },
    ]);
  }

  const problems: RulebookImportProblem[] = [];
  for (const key of Object.keys(file)) {
    if (key !== 'format' && key !== 'version' && key !== 'rules') {
      problems.push({ line: lineOfKey(key), message: `Unknown field "${key}" (a rules file has "format", "version" and "rules").` });
    }
  }
  const elementOffsets = offsets.elements.get('rules') ?? [];
  const rulesLine = lineOfKey('rules');
  const candidates = file.rules.map(
    (value: unknown, index): RuleCandidate => ({ line: lines.lineAt(elementOffsets[index] ?? 0), value, problems: [] }),
  );
  const result = validateCandidates(candidates, rulesLine);
  if (problems.length === 0) return result;
  return failure([...problems, ...(result.ok ? [] : result.problems)]);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** One CSV record with the physical line where it begins. */
type CsvRecord = Readonly<{ line: number; cells: string[] }>;

/** CSV that cannot be read, at a line. */
class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Line breaks in `text` between two offsets (LF, CRLF and a lone CR each count once). */
function countLineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit === lineFeed || (unit === carriageReturn && text.charCodeAt(index + 1) !== lineFeed)) breaks++;
  }
  return breaks;
}

/**
 * The records of an RFC 4180 text (commas; records end at CRLF, LF or a lone CR; a final line
 * break ends the last record). Quoted cells may hold commas, doubled quotes and line breaks.
 */
function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const record: CsvRecord = { line, cells: [] };
    records.push(record);
    for (;;) {
      let cell: string;
      if (text.charCodeAt(offset) === quote) {
        const openingLine = line;
        let value = '';
        let runStart = offset + 1;
        for (;;) {
          const closing = text.indexOf('"', runStart);
          if (closing < 0) throw new CsvSyntaxError(openingLine, 'a quoted cell that is never closed');
          value += text.slice(runStart, closing);
          line += countLineBreaks(text, runStart, closing);
          if (text.charCodeAt(closing + 1) === quote) {
            value += '"';
            runStart = closing + 2;
          } else {
            offset = closing + 1;
            break;
          }
        }
        const after = text.charCodeAt(offset);
        if (offset < text.length && after !== comma && after !== lineFeed && after !== carriageReturn) {
          throw new CsvSyntaxError(line, 'text after a closing quote (a quote inside a quoted cell must be doubled: "")');
        }
        cell = value;
      } else {
        const start = offset;
        for (; offset < text.length; offset++) {
          const unit = text.charCodeAt(offset);
          if (unit === comma || unit === lineFeed || unit === carriageReturn) break;
          if (unit === quote) {
            throw new CsvSyntaxError(line, 'a quote inside a cell that does not start with one (quote the whole cell and double the quote: "")');
          }
        }
        cell = text.slice(start, offset);
      }
      record.cells.push(cell);
      const separator = text.charCodeAt(offset);
      offset++;
      if (separator === comma) continue;
      if (separator === carriageReturn && text.charCodeAt(offset) === lineFeed) offset++;
      line++;
      break;
    }
  }
  return records;
}

/** A list cell's items: split at `|`, with `\|` and `\\` unescaped (any other `\` is kept). Blank → []. */
function splitListCell(cell: string): string[] {
  if (cell.trim() === '') return [];
  const items: string[] = [];
  let item = '';
  for (let index = 0; index < cell.length; index++) {
    const character = cell.charAt(index);
    const next = cell.charAt(index + 1);
    if (character === '\\' && (next === '\\' || next === '|')) {
      item += next;
      index++;
    } else if (character === '|') {
      items.push(item);
      item = '';
    } else item += character;
  }
  items.push(item);
  return items;
}

const enabledWords: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
  ['是', true],
  ['否', false],
]);

type CsvColumn = (typeof rulebookCsvColumns)[number];

/** Problems of the header row: unknown, repeated and missing columns. */
function headerProblems(header: readonly string[]): string[] {
  const problems: string[] = [];
  const known: readonly string[] = rulebookCsvColumns;
  const expected = `the columns are ${rulebookCsvColumns.join(', ')}`;
  if (header.length === 1 && /[;\t]/.test(header[0] ?? '')) {
    return [`The header has one column "${header[0] ?? ''}": cells must be separated by commas; ${expected}.`];
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.includes(name)) problems.push(`Unknown column "${name}"; ${expected}.`);
    else if (seen.has(name)) problems.push(`The column "${name}" appears twice.`);
    seen.add(name);
  }
  for (const name of rulebookCsvColumns) {
    if (!seen.has(name)) problems.push(`The column "${name}" is missing; ${expected}.`);
  }
  return problems;
}

/** A record as a rule candidate, with the problems only the CSV form can have (cell count, `enabled`). */
function candidateOfRecord(record: CsvRecord, columnIndex: ReadonlyMap<CsvColumn, number>, columnCount: number): RuleCandidate {
  if (record.cells.length !== columnCount) {
    return {
      line: record.line,
      value: unreadable,
      problems: [`This row has ${record.cells.length} cells; the header has ${columnCount}.`],
    };
  }
  const cell = (column: CsvColumn): string => record.cells[columnIndex.get(column) ?? -1] ?? '';
  const problems: string[] = [];
  const enabledCell = cell('enabled');
  const enabled = enabledWords.get(enabledCell.trim().toLowerCase());
  if (enabled === undefined) problems.push(`enabled: expected true or false (or 1/0, yes/no, 是/否), found "${enabledCell}".`);
  return {
    line: record.line,
    problems,
    value: {
      id: cell('id'),
      phrases: splitListCell(cell('phrases')),
      category: cell('category').trim().toLowerCase(),
      severity: cell('severity').trim().toLowerCase(),
      exceptions: splitListCell(cell('exceptions')),
      suggestions: splitListCell(cell('suggestions')),
      enabled: enabled ?? true,
      note: cell('note'),
    },
  };
}

/**
 * Reads a CSV rulebook file written by {@link exportRulebookCsv} or saved by Excel: a byte order
 * mark, LF, CRLF or CR line ends accepted; the header names the columns (any order, case-insensitive);
 * `category` and `severity` are case-insensitive; `enabled` also takes 1/0, yes/no, 是/否;
 * an empty list cell is an empty list; rows with nothing in any cell are skipped. Each problem
 * carries the line where its record begins (a quoted cell may span lines).
 */
export function parseRulebookCsv(text: string): RulebookImport {
  const tooLargeOrEmpty = fileProblem(text);
  if (tooLargeOrEmpty !== undefined) return failure([tooLargeOrEmpty]);
  const source = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  let records: CsvRecord[];
  try {
    records = readCsvRecords(source);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return failure([{ line: error.line, message: `CSV syntax error: ${error.message}.` }]);
  }
  const [headerRecord, ...rows] = records;
  const header = (headerRecord?.cells ?? []).map((name) => name.trim().toLowerCase());
  const problems = headerProblems(header);
  if (problems.length > 0) return failure(problems.map((message) => ({ line: 1, message })));
  const columnIndex = new Map(header.map((name, index) => [name as CsvColumn, index]));
  const candidates = rows
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''))
    .map((record) => candidateOfRecord(record, columnIndex, header.length));
  return validateCandidates(candidates, 1);
}
