import type { CallScript, ScriptKind } from '../../../common/call-scripts/script';
import type { ScriptValues } from '../../../common/call-scripts/template';
import { customerTitle, greetingForHour, surnameOf } from '../../../common/call-scripts/values';
import type { CallView } from '../../../common/ipc/calls';
import type { CustomerView } from '../../../common/ipc/customers';

/** What the script's variables are filled from during a call. */
export type CallScriptSources = Readonly<{
  companyName: string;
  hotline: string;
  agentId: string;
  /** The customer open on the desk, masked as main sent it. */
  customer: CustomerView | null;
  /** A surname the agent typed (a caller without a record, or a correction); wins over the record. */
  typedSurname: string;
  typedGender: 'male' | 'female' | 'unknown';
  /** The desk's local hour, 0–23. */
  hour: number;
  ticketNumber?: string | undefined;
}>;

/**
 * The caller's title from the open record: a masked name already reads 王先生 when the gender is
 * known (main masks it so) or 王** when not; a revealed name gives its surname.
 */
function recordTitle(customer: CustomerView): string | undefined {
  const gender = customer.gender ?? 'unknown';
  if (customer.name.masked) {
    if (customer.gender !== null && /(先生|女士)$/.test(customer.name.text)) return customer.name.text;
    const surname = customer.name.text.replace(/[*＊\s]+$/u, '');
    // A Latin name masks as "J*** S****": no surname to address the caller by.
    return /^[\p{Script=Han}]+$/u.test(surname) ? customerTitle(surname, gender) : undefined;
  }
  return customerTitle(surnameOf(customer.name.text), gender);
}

/** The values of every script variable for the call on the desk; a value not known is left out (shown as a placeholder). */
export function callScriptValues(sources: CallScriptSources): ScriptValues {
  const typed = customerTitle(sources.typedSurname, sources.typedGender);
  const address = sources.customer?.address.text.trim();
  return {
    company: sources.companyName,
    hotline: sources.hotline,
    agentId: sources.agentId,
    customerTitle: typed ?? (sources.customer === null ? undefined : recordTitle(sources.customer)),
    customerAddress: address === '' ? undefined : address,
    timeOfDay: greetingForHour(sources.hour),
    ticketNumber: sources.ticketNumber,
  };
}

const kindOfDirection: Readonly<Record<CallView['direction'], ScriptKind>> = { inbound: 'phone', walk_in: 'counter', outbound: 'callback' };

/** The script a call follows: the one recorded for it, else the first script of its kind, else the first. */
export function scriptForCall(scripts: readonly CallScript[], call: Pick<CallView, 'direction' | 'scriptId'>): CallScript | undefined {
  return (
    scripts.find((script) => script.id === call.scriptId) ??
    scripts.find((script) => script.kind === kindOfDirection[call.direction]) ??
    scripts[0]
  );
}

/** The step to show first: the first one not ticked yet, else the last. */
export function firstOpenStep(script: CallScript, done: ReadonlySet<string>): number {
  const index = script.steps.findIndex((step) => !done.has(step.id));
  return index < 0 ? script.steps.length - 1 : index;
}

/** Minutes and seconds, `m:ss`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
