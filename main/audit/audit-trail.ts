import { zoneOffsetAt } from '../../common/deadline-calendar/zoned-time';
import { AppError, type ErrorCode } from '../../common/ipc/result';
import { appendAuditEntry, type AuditDetails, type AuditEntry, type AuditOutcome } from '../../db/audit-log';
import type { DeskContext } from '../desk-context';
import { workstationIdOf } from '../settings/desk-settings';

/** Who acted: an account (agent ID and role are recorded), or nobody signed in. */
export type AuditActor = Readonly<{ agentId: string; role: string }> | undefined;

/** What happened, as a feature describes it; time, workstation and chain fields are added here. */
export type AuditRecord = Readonly<{
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome?: AuditOutcome;
  code?: ErrorCode;
  details?: AuditDetails;
}>;

/** The offset of `timeZone` from UTC at `at`, in minutes (480 for Asia/Shanghai); every audit entry records it. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  return Math.round(zoneOffsetAt(at.getTime(), timeZone) / 60_000);
}

/**
 * Appends one audit entry for `actor`. Callers run it inside the transaction of the action it
 * records, so both commit or neither does. Details must never hold unmasked personal data.
 */
export function recordAudit(desk: DeskContext, actor: AuditActor, record: AuditRecord): AuditEntry {
  const db = desk.store.connection();
  const now = desk.now();
  return appendAuditEntry(db, desk.store.auditKey(), {
    occurredAt: now.toISOString(),
    timeZone: desk.timeZone,
    utcOffsetMinutes: utcOffsetMinutes(desk.timeZone, now),
    workstationId: workstationIdOf(db),
    agentId: actor?.agentId ?? null,
    role: actor?.role ?? null,
    action: record.action,
    objectType: record.objectType ?? null,
    objectId: record.objectId === undefined ? null : String(record.objectId),
    outcome: record.outcome ?? 'success',
    code: record.code ?? null,
    details: record.details ?? {},
  });
}

/**
 * A refusal whose audit entry the feature wrote itself (with more detail than the dispatcher
 * knows, e.g. a failed unlock and the lockout it caused); the dispatcher does not record it twice.
 */
export class AuditedError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'AuditedError';
  }
}

/**
 * Records a refusal and returns the error to throw. The entry is written outside any
 * transaction the refusal aborts, so it stays.
 */
export function refuseAudited(desk: DeskContext, actor: AuditActor, record: AuditRecord & { code: ErrorCode }, message: string): AuditedError {
  recordAudit(desk, actor, { outcome: 'refused', ...record });
  return new AuditedError(record.code, message);
}
