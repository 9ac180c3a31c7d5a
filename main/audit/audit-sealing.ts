import { sealNewAuditBlocks } from '../../db/audit-log';
import type { DeskContext } from '../desk-context';

/** How often main seals the audit blocks written since the last time, between clicks. */
export const auditSealingMilliseconds = 30_000;

/**
 * Blocks per run: two blocks are about 25 ms of hashing on main's event loop, and 4,096 entries
 * a minute is far more than a desk writes, so the log stays sealed while it grows. A larger
 * backlog (a store from before seals existed) is sealed by the lead's first verification.
 */
const blocksPerRun = 2;

/** Seals the newest whole audit blocks while the store is open; nothing when it is not. */
export function sealRecentAuditBlocks(desk: DeskContext): number {
  const db = desk.store.connectionIfOpen();
  if (db === undefined) return 0;
  return sealNewAuditBlocks(db, desk.store.auditKey(), { maxBlocks: blocksPerRun });
}
