import { handoverHasText, handoverInputSchema, ticketNumberPattern, type HandoverInput } from '../../../common/ipc/handovers';

/** The fields of the write form, as the channel names them (tickets are held beside the form). */
export const handoverFormFields = ['shiftDate', 'shift', 'equipmentState', 'equipmentNote', 'openIssues', 'staffingChanges', 'notes'] as const;

/** One of {@link handoverFormFields}. */
export type HandoverFormField = (typeof handoverFormFields)[number];

/** What the form holds, dates already as `YYYY-MM-DD` (or null when none is picked). */
export type HandoverFormValues = Readonly<{
  shiftDate: string | null;
  shift: string | undefined;
  equipmentState: string | undefined;
  equipmentNote: string | undefined;
  openIssues: string | undefined;
  staffingChanges: string | undefined;
  notes: string | undefined;
}>;

/**
 * A problem of the form, not yet in words: `empty` (no text field says anything) belongs to the
 * whole form, the others to a field.
 */
export type HandoverFormProblem =
  | Readonly<{ field: 'form'; kind: 'empty' }>
  | Readonly<{ field: HandoverFormField; kind: 'required' | 'date' | 'equipmentNote' | 'invalid' }>
  | Readonly<{ field: HandoverFormField; kind: 'tooLong'; max: number }>;

function isFormField(value: unknown): value is HandoverFormField {
  return typeof value === 'string' && (handoverFormFields as readonly string[]).includes(value);
}

/**
 * Checks the form with the schema main uses: the request when it is valid, else each problem
 * where it belongs. Main checks again (and checks the tickets and the date against today).
 */
export function checkHandoverForm(
  values: HandoverFormValues,
  ticketNumbers: readonly string[],
  correctsId: number | null,
): { ok: true; request: HandoverInput } | { ok: false; problems: HandoverFormProblem[] } {
  const parsed = handoverInputSchema.safeParse({
    shiftDate: values.shiftDate ?? '',
    shift: values.shift,
    equipmentState: values.equipmentState,
    equipmentNote: values.equipmentNote ?? '',
    openIssues: values.openIssues ?? '',
    ticketNumbers,
    staffingChanges: values.staffingChanges ?? '',
    notes: values.notes ?? '',
    ...(correctsId === null ? {} : { correctsId }),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems = parsed.error.issues.map((issue): HandoverFormProblem => {
    const field = issue.path[0];
    if (issue.path.length === 0) return { field: 'form', kind: 'empty' };
    if (!isFormField(field)) return { field: 'notes', kind: 'invalid' };
    if (issue.code === 'too_big') return { field, kind: 'tooLong', max: Number(issue.maximum) };
    if (field === 'shiftDate') return { field, kind: values.shiftDate === null ? 'required' : 'date' };
    if (field === 'equipmentNote' && issue.code === 'custom') return { field, kind: 'equipmentNote' };
    if (issue.code === 'invalid_value' || issue.code === 'invalid_type') return { field, kind: 'required' };
    return { field, kind: 'invalid' };
  });
  // The schema checks across fields only once every field has its shape: say it all at once.
  if (!handoverHasText(values) && !problems.some((problem) => problem.field === 'form')) problems.push({ field: 'form', kind: 'empty' });
  const noteMissing = values.equipmentState === 'problems' && (values.equipmentNote ?? '').trim() === '';
  if (noteMissing && !problems.some((problem) => problem.field === 'equipmentNote')) problems.push({ field: 'equipmentNote', kind: 'equipmentNote' });
  return { ok: false, problems };
}

/** A typed ticket number as the desk writes it (`gd20261122-0003 ` → `GD20261122-0003`), or null when it is not one. */
export function ticketNumberOf(typed: string): string | null {
  const number = typed.trim().toUpperCase();
  return ticketNumberPattern.test(number) ? number : null;
}
