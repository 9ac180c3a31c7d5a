import { findCustomerById } from '../../db/customers';
import type { Db } from '../../db/connection';
import type { Session } from '../session/session-registry';
import { maskName, maskPhone } from './masking';

/** Customers as search hits (masked name and first phone); each becomes openable in the session. */
export function openableHits(db: Db, session: Session, ids: readonly number[]): { id: number; name: string; phone: string }[] {
  return ids.flatMap((id) => {
    const record = findCustomerById(db, id);
    if (record === undefined) return [];
    session.accessibleCustomerIds.add(id);
    return [{ id, name: maskName(record.fullName, record.gender), phone: maskPhone(record.phones[0] ?? '') }];
  });
}
