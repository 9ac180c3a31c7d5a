/**
 * Calendar years as a JSON file, what `slaSettings.importCalendarYears` reads: one year
 * (`{"year": 2027, "holidays": [...], "makeUpWorkdays": [...], "source": "..."}`) or a list of
 * them. A file with any problem imports nothing and lists every problem found, each at a JSON path.
 */
import { calendarYearSchema, type CalendarYear } from './working-calendar';

/** Years one file may hold. */
export const calendarFileYearLimit = 20;

/** The largest file read, in characters (twenty full years take about 60,000). */
export const calendarFileMaxChars = 512 * 1024;

/** Something that keeps a file from being imported: where (`[1].holidays[2].date`, '' for the file) and what. */
export type CalendarFileProblem = Readonly<{ where: string; message: string }>;

/** The outcome of reading a file: every year, validated, in file order; or every problem found. */
export type CalendarFileRead = Readonly<{ ok: true; years: CalendarYear[] }> | Readonly<{ ok: false; problems: CalendarFileProblem[] }>;

/** `[1].holidays[2].date` for the path `['holidays', 2, 'date']` under `base` `[1]`; no leading dot. */
export function pathOf(base: string, path: readonly PropertyKey[]): string {
  const text = path.reduce<string>((joined, part) => (typeof part === 'number' ? `${joined}[${part}]` : `${joined}.${String(part)}`), base);
  return text.startsWith('.') ? text.slice(1) : text;
}

/**
 * Reads a file of one year or a list of years. Each is checked with `calendarYearSchema`
 * (its dates in its year, listed once, make-up working days on weekends), and a year may appear
 * once; every problem is listed.
 */
export function parseCalendarYearsJson(text: string): CalendarFileRead {
  if (text.length > calendarFileMaxChars) {
    return { ok: false, problems: [{ where: '', message: `The file is larger than ${calendarFileMaxChars} characters.` }] };
  }
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, problems: [{ where: '', message: 'The file is empty.' }] };
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [{ where: '', message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const isList = Array.isArray(document);
  const candidates: unknown[] = isList ? (document as unknown[]) : [document];
  const problems: CalendarFileProblem[] = [];
  if (candidates.length === 0) problems.push({ where: '', message: 'The file has no years.' });
  if (candidates.length > calendarFileYearLimit) {
    problems.push({ where: '', message: `The file has ${candidates.length} years; one import takes at most ${calendarFileYearLimit}.` });
  }
  const years: CalendarYear[] = [];
  const firstIndexOfYear = new Map<number, number>();
  candidates.forEach((candidate, index) => {
    const base = isList ? `[${index}]` : '';
    const parsed = calendarYearSchema.safeParse(candidate);
    if (parsed.success) years.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ where: pathOf(base, issue.path), message: issue.message });
    const year = typeof candidate === 'object' && candidate !== null && 'year' in candidate ? candidate.year : undefined;
    if (typeof year !== 'number') return;
    const first = firstIndexOfYear.get(year);
    if (first === undefined) firstIndexOfYear.set(year, index);
    else problems.push({ where: pathOf(base, ['year']), message: `The year ${year} is in the file twice (first at [${first}]).` });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, years };
}
