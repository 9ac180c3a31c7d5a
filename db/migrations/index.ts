import { migrate as createAccounts } from './0010-create-accounts';
import { migrate as createCustomers } from './0020-create-customers';
import { migrate as createAuditLog } from './0030-create-audit-log';
import { migrate as createSettingsAndLockout } from './0040-create-settings-and-lockout';
import { migrate as extendCustomers } from './0050-extend-customers';
import { migrate as createApprovals } from './0060-create-approvals';
import { migrate as createPhraseRules } from './0070-create-phrase-rules';
import { migrate as createKnowledge } from './0080-create-knowledge';
import { migrate as createCalls } from './0090-create-calls';
import { migrate as createCallScripts } from './0100-create-call-scripts';
import { migrate as extendCalls } from './0110-extend-calls';
import { migrate as createTickets } from './0120-create-tickets';
import { migrate as dropUnneededIndexes } from './0130-drop-unneeded-indexes';
import { migrate as dropTicketCounters } from './0140-drop-ticket-counters';
import { migrate as createHandovers } from './0150-create-handovers';
import { migrate as rebuildApprovalsForAuditExport } from './0160-rebuild-approvals-for-audit-export';
import { migrate as createQuality } from './0170-create-quality';
import { migrate as indexTicketsByCreated } from './0180-index-tickets-by-created';
import { migrate as createAuditSeals } from './0190-create-audit-seals';
import type { Migration } from './runner';

export type { Migration, MigrationReport } from './runner';
export { readSchemaVersion, runMigrations } from './runner';

/** Every schema step, oldest first. Append only; never edit a released step. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'create-accounts', migrate: createAccounts },
  { version: 20, name: 'create-customers', migrate: createCustomers },
  { version: 30, name: 'create-audit-log', migrate: createAuditLog },
  { version: 40, name: 'create-settings-and-lockout', migrate: createSettingsAndLockout },
  { version: 50, name: 'extend-customers', migrate: extendCustomers },
  { version: 60, name: 'create-approvals', migrate: createApprovals },
  { version: 70, name: 'create-phrase-rules', migrate: createPhraseRules },
  { version: 80, name: 'create-knowledge', migrate: createKnowledge },
  { version: 90, name: 'create-calls', migrate: createCalls },
  { version: 100, name: 'create-call-scripts', migrate: createCallScripts },
  { version: 110, name: 'extend-calls', migrate: extendCalls },
  { version: 120, name: 'create-tickets', migrate: createTickets },
  { version: 130, name: 'drop-unneeded-indexes', migrate: dropUnneededIndexes },
  { version: 140, name: 'drop-ticket-counters', migrate: dropTicketCounters },
  { version: 150, name: 'create-handovers', migrate: createHandovers },
  { version: 160, name: 'rebuild-approvals-for-audit-export', migrate: rebuildApprovalsForAuditExport },
  { version: 170, name: 'create-quality', migrate: createQuality },
  { version: 180, name: 'index-tickets-by-created', migrate: indexTicketsByCreated },
  { version: 190, name: 'create-audit-seals', migrate: createAuditSeals },
];

/** The schema version this code writes. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
