import { z } from 'zod';
import type { ScriptKind } from '../call-scripts/script';

/*
 * The automatic checks of a call (自动质检), computed from what the desk recorded during it: the
 * script steps the agent ticked and when, the banned phrases heard or typed, the talk time, the
 * intent classified, the customer linked and the tickets made from the call. Every check of a
 * call that was never answered is not applicable: there was no conversation to judge.
 *
 * - greeting: the script's greeting step (phone and counter: `greeting`; call-back: `opening`)
 *   ticked within 30 s of the answer (BRIEF §4: greet at once, with the company). A tick before
 *   the answer counts as at the answer. Figure: seconds from the answer.
 * - surname: the caller was addressed by surname (BRIEF §4 step 3: 王先生). The script fills
 *   `{customerTitle}` from the customer record linked to the call, so the check passes when the
 *   call is linked to a customer whose recorded name starts with a Chinese surname AND the first
 *   step whose text uses `{customerTitle}` (phone and counter: `identify`; call-back: `opening`)
 *   was ticked. No linked customer fails (the caller was not identified, so the script could
 *   only show a placeholder; a surname typed on the panel is not recorded); a record whose name
 *   has no Chinese surname (a name in Latin letters) is not applicable.
 * - identity: the script's identity step ticked (phone: `confirm-identity`; counter: `identify`,
 *   the identity document). A call-back dials the number on record and its opening asks for the
 *   person by name, which the greeting check already judges: not applicable.
 * - bannedPhrases: no banned phrase spoken by the agent (transcript) or typed by them during the
 *   call (notes, tickets; refused attempts too). Counted by severity; what the customer said is
 *   shown but never counts against the agent.
 * - closing: the script's `closing` step ticked.
 * - handleTime: a phone call's talk time within the 3-minute target (BRIEF §4 step 6). Counter
 *   visits and call-backs have no such target: not applicable.
 * - ticket: a ticket made from the call when its intent needs one: complaints, repairs and
 *   emergencies are handed over at once, business requests, billing disputes, spam reports and
 *   suggestions get deadlines a ticket tracks (BRIEF §4–§6). A consultation is answered on the
 *   call (a ticket only when it cannot be, which the desk cannot tell), a call-back reports on a
 *   ticket that exists already, and "other" needs none: not applicable; so is an intent never
 *   classified.
 *
 * A check whose step the call's script does not have (an edited script) is not applicable.
 */

/** The most seconds from the answer to the greeting. */
export const greetingLimitSeconds = 30;

/** The talk time a phone call should stay within (3 minutes). */
export const handleTargetSeconds = 180;

/** The automatic checks, in the order the desk shows them. */
export const callCheckNames = ['greeting', 'surname', 'identity', 'bannedPhrases', 'closing', 'handleTime', 'ticket'] as const;

/** One of {@link callCheckNames}. */
export type CallCheckName = (typeof callCheckNames)[number];

/** How a check came out. */
export const checkStatuses = ['pass', 'fail', 'notApplicable'] as const;

/** One of {@link checkStatuses}. */
export type CheckStatus = (typeof checkStatuses)[number];

/** Why a check failed or does not apply. */
export const checkReasons = [
  'notAnswered',
  'noStep',
  'notDone',
  'late',
  'noCustomer',
  'noSurname',
  'phrasesUsed',
  'notPhone',
  'notEnded',
  'overTarget',
  'notClassified',
  'noTicketNeeded',
  'noTicket',
] as const;

/** One of {@link checkReasons}. */
export type CheckReason = (typeof checkReasons)[number];

/** The intents whose calls should leave a ticket behind. */
export const ticketRequiredIntents: readonly string[] = ['complaint', 'repair', 'emergency', 'business', 'billing_dispute', 'spam_report', 'suggestion'];

/** Which step of each kind of script each step check looks at (null: the check does not apply to the kind). */
export const checkedSteps: Readonly<Record<ScriptKind, Readonly<{ greeting: string; identity: string | null; closing: string }>>> = {
  phone: { greeting: 'greeting', identity: 'confirm-identity', closing: 'closing' },
  counter: { greeting: 'greeting', identity: 'identify', closing: 'closing' },
  callback: { greeting: 'opening', identity: null, closing: 'closing' },
};

const status = z.enum(checkStatuses);
const reason = z.enum(checkReasons).nullable();
const severityCounts = z.object({ warn: z.number().int(), block: z.number().int() });

/** The automatic checks of one call, each with the figure behind it. */
export const callChecksSchema = z.object({
  greeting: z.object({ status, reason, stepId: z.string().nullable(), seconds: z.number().int().nullable(), limitSeconds: z.number().int() }),
  surname: z.object({ status, reason, stepId: z.string().nullable(), customerIdentified: z.boolean(), stepDone: z.boolean() }),
  identity: z.object({ status, reason, stepId: z.string().nullable(), seconds: z.number().int().nullable() }),
  bannedPhrases: z.object({ status, reason, spoken: severityCounts, typed: severityCounts, customer: z.number().int() }),
  closing: z.object({ status, reason, stepId: z.string().nullable(), seconds: z.number().int().nullable() }),
  handleTime: z.object({ status, reason, seconds: z.number().int().nullable(), targetSeconds: z.number().int() }),
  ticket: z.object({ status, reason, intent: z.string().nullable(), tickets: z.number().int() }),
});

/** The automatic checks of one call. */
export type CallChecks = z.infer<typeof callChecksSchema>;

/** Banned phrases found during a call: how many of one source and severity. */
export type PhraseHitCount = Readonly<{ source: 'agent' | 'customer' | 'typed'; severity: 'warn' | 'block'; count: number }>;

/** What the desk recorded of one call, as the checks read it. */
export type CallCheckFacts = Readonly<{
  direction: 'inbound' | 'outbound' | 'walk_in';
  answeredAt: string | null;
  /** Talk time in seconds, once the call ended. */
  durationSeconds: number | null;
  intent: string | null;
  /** The script the call followed (its steps with their text); null when none is known. */
  script: Readonly<{ kind: ScriptKind; steps: readonly Readonly<{ id: string; template: string }>[] }> | null;
  /** The steps of that script ticked during the call, with when. */
  stepsDone: readonly Readonly<{ stepId: string; doneAt: string }>[];
  phraseHits: readonly PhraseHitCount[];
  /** The customer linked to the call: none, one whose name starts with a Chinese surname, or one without. */
  customer: 'none' | 'withSurname' | 'withoutSurname';
  /** Tickets made from the call. */
  tickets: number;
}>;

type StepCheck = Readonly<{ status: CheckStatus; reason: CheckReason | null; stepId: string | null; seconds: number | null }>;

const notApplicable = (why: CheckReason) => ({ status: 'notApplicable' as const, reason: why });

/** Whole seconds from the answer to `at`; a tick before the answer counts as at the answer. */
function secondsAfter(answeredAt: string, at: string): number {
  return Math.max(0, Math.floor((Date.parse(at) - Date.parse(answeredAt)) / 1000));
}

/** A step check: n/a without the step, fail when not ticked, else pass (or fail when later than `limit`). */
function stepCheck(facts: CallCheckFacts, stepId: string | null, limitSeconds?: number): StepCheck {
  if (facts.answeredAt === null) return { ...notApplicable('notAnswered'), stepId, seconds: null };
  if (stepId === null || facts.script?.steps.some((step) => step.id === stepId) !== true) return { ...notApplicable('noStep'), stepId, seconds: null };
  const done = facts.stepsDone.find((step) => step.stepId === stepId);
  if (done === undefined) return { status: 'fail', reason: 'notDone', stepId, seconds: null };
  const seconds = secondsAfter(facts.answeredAt, done.doneAt);
  if (limitSeconds !== undefined && seconds > limitSeconds) return { status: 'fail', reason: 'late', stepId, seconds };
  return { status: 'pass', reason: null, stepId, seconds };
}

function surnameCheck(facts: CallCheckFacts): CallChecks['surname'] {
  const stepId = facts.script?.steps.find((step) => step.template.includes('{customerTitle}'))?.id ?? null;
  const stepDone = stepId !== null && facts.stepsDone.some((step) => step.stepId === stepId);
  const customerIdentified = facts.customer !== 'none';
  const figures = { stepId, customerIdentified, stepDone };
  if (facts.answeredAt === null) return { ...notApplicable('notAnswered'), ...figures };
  if (stepId === null) return { ...notApplicable('noStep'), ...figures };
  if (facts.customer === 'withoutSurname') return { ...notApplicable('noSurname'), ...figures };
  if (facts.customer === 'none') return { status: 'fail', reason: 'noCustomer', ...figures };
  return stepDone ? { status: 'pass', reason: null, ...figures } : { status: 'fail', reason: 'notDone', ...figures };
}

function phraseCheck(facts: CallCheckFacts): CallChecks['bannedPhrases'] {
  const count = (source: PhraseHitCount['source'], severity?: PhraseHitCount['severity']) =>
    facts.phraseHits.filter((hit) => hit.source === source && (severity === undefined || hit.severity === severity)).reduce((sum, hit) => sum + hit.count, 0);
  const spoken = { warn: count('agent', 'warn'), block: count('agent', 'block') };
  const typed = { warn: count('typed', 'warn'), block: count('typed', 'block') };
  const figures = { spoken, typed, customer: count('customer') };
  if (facts.answeredAt === null) return { ...notApplicable('notAnswered'), ...figures };
  const used = spoken.warn + spoken.block + typed.warn + typed.block;
  return used === 0 ? { status: 'pass', reason: null, ...figures } : { status: 'fail', reason: 'phrasesUsed', ...figures };
}

function handleTimeCheck(facts: CallCheckFacts): CallChecks['handleTime'] {
  const figures = { seconds: facts.durationSeconds, targetSeconds: handleTargetSeconds };
  if (facts.answeredAt === null) return { ...notApplicable('notAnswered'), ...figures };
  if (facts.direction !== 'inbound') return { ...notApplicable('notPhone'), ...figures };
  if (facts.durationSeconds === null) return { ...notApplicable('notEnded'), ...figures };
  return facts.durationSeconds <= handleTargetSeconds ? { status: 'pass', reason: null, ...figures } : { status: 'fail', reason: 'overTarget', ...figures };
}

function ticketCheck(facts: CallCheckFacts): CallChecks['ticket'] {
  const figures = { intent: facts.intent, tickets: facts.tickets };
  if (facts.answeredAt === null) return { ...notApplicable('notAnswered'), ...figures };
  if (facts.intent === null) return { ...notApplicable('notClassified'), ...figures };
  if (!ticketRequiredIntents.includes(facts.intent)) return { ...notApplicable('noTicketNeeded'), ...figures };
  return facts.tickets > 0 ? { status: 'pass', reason: null, ...figures } : { status: 'fail', reason: 'noTicket', ...figures };
}

/** The automatic checks of a call from what the desk recorded (see the rules above). */
export function computeCallChecks(facts: CallCheckFacts): CallChecks {
  const steps = facts.script === null ? null : checkedSteps[facts.script.kind];
  return {
    greeting: { ...stepCheck(facts, steps?.greeting ?? null, greetingLimitSeconds), limitSeconds: greetingLimitSeconds },
    surname: surnameCheck(facts),
    identity: stepCheck(facts, steps?.identity ?? null),
    bannedPhrases: phraseCheck(facts),
    closing: stepCheck(facts, steps?.closing ?? null),
    handleTime: handleTimeCheck(facts),
    ticket: ticketCheck(facts),
  };
}
