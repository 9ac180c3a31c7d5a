import type { Db } from './connection';

/** Who wrote or acknowledged an entry. */
export type HandoverPerson = Readonly<{ accountId: number; agentId: string; displayName: string }>;

/** An entry of the shift handover log as stored (free text unmasked: main masks it before it leaves). */
export type HandoverRecord = Readonly<{
  id: number;
  team: string;
  /** The day the shift starts (YYYY-MM-DD, the desk's local date). */
  shiftDate: string;
  shift: string;
  equipmentState: string;
  equipmentNote: string;
  openIssues: string;
  staffingChanges: string;
  notes: string;
  /** The earlier entry this one corrects, or null. */
  correctsId: number | null;
  author: HandoverPerson;
  writtenAt: string;
  acknowledgment: Readonly<{ by: HandoverPerson; at: string; note: string }> | null;
}>;

/** What a new entry is stored with: the linked tickets by ID in the order written, and its search text. */
export type NewHandover = Readonly<{
  team: string;
  shiftDate: string;
  shift: string;
  equipmentState: string;
  equipmentNote: string;
  openIssues: string;
  staffingChanges: string;
  notes: string;
  correctsId: number | null;
  authorAccountId: number;
  writtenAt: string;
  ticketIds: readonly number[];
  /** What the text search matches for this entry (main builds it from the text as shown). */
  searchText: string;
}>;

/** An acknowledgment as stored. */
export type NewHandoverAcknowledgment = Readonly<{
  handoverId: number;
  accountId: number;
  at: string;
  note: string;
  /** What the text search matches for the note. */
  searchText: string;
}>;

/** A ticket as an entry links it: its number, team and where it stands now. */
export type HandoverTicketRecord = Readonly<{ id: number; number: string; ownerTeam: string; status: string; category: string }>;

/**
 * A search of the log. `team` null searches every team. `text` is matched as a substring of the
 * stored search text, so it must be normalised the way main normalises that (empty: no text
 * filter). Shift dates `from`–`to` are inclusive; `authorAgentId` compares without case.
 */
export type HandoverQuery = Readonly<{
  team: string | null;
  text: string;
  from: string | null;
  to: string | null;
  authorAgentId: string | null;
  unacknowledgedOnly: boolean;
  limit: number;
  offset: number;
}>;

type HandoverRow = Omit<HandoverRecord, 'author' | 'acknowledgment'> & {
  authorAccountId: number;
  authorAgentId: string;
  authorDisplayName: string;
  acknowledgedBy: number | null;
  acknowledgedByAgentId: string | null;
  acknowledgedByDisplayName: string | null;
  acknowledgedAt: string | null;
  acknowledgmentNote: string | null;
};

const selectHandover = `SELECT h.id, h.team, h.shift_date AS shiftDate, h.shift, h.equipment_state AS equipmentState,
    h.equipment_note AS equipmentNote, h.open_issues AS openIssues, h.staffing_changes AS staffingChanges, h.notes,
    h.corrects_id AS correctsId, h.written_at AS writtenAt,
    h.author_account_id AS authorAccountId, a.agent_id AS authorAgentId, a.display_name AS authorDisplayName,
    k.account_id AS acknowledgedBy, ka.agent_id AS acknowledgedByAgentId, ka.display_name AS acknowledgedByDisplayName,
    k.acknowledged_at AS acknowledgedAt, k.note AS acknowledgmentNote
  FROM handovers h
  JOIN accounts a ON a.id = h.author_account_id
  LEFT JOIN handover_acknowledgments k ON k.handover_id = h.id
  LEFT JOIN accounts ka ON ka.id = k.account_id`;

function handoverOf(row: HandoverRow): HandoverRecord {
  const {
    authorAccountId,
    authorAgentId,
    authorDisplayName,
    acknowledgedBy,
    acknowledgedByAgentId,
    acknowledgedByDisplayName,
    acknowledgedAt,
    acknowledgmentNote,
    ...entry
  } = row;
  return {
    ...entry,
    author: { accountId: authorAccountId, agentId: authorAgentId, displayName: authorDisplayName },
    acknowledgment:
      acknowledgedBy === null
        ? null
        : {
            by: { accountId: acknowledgedBy, agentId: acknowledgedByAgentId ?? '', displayName: acknowledgedByDisplayName ?? '' },
            at: acknowledgedAt ?? '',
            note: acknowledgmentNote ?? '',
          },
  };
}

/** Stores an entry and its ticket links; returns its ID. */
export function insertHandover(db: Db, entry: NewHandover): number {
  const result = db
    .prepare(
      `INSERT INTO handovers (team, shift_date, shift, equipment_state, equipment_note, open_issues, staffing_changes, notes,
         corrects_id, author_account_id, written_at, search_text)
       VALUES (@team, @shiftDate, @shift, @equipmentState, @equipmentNote, @openIssues, @staffingChanges, @notes,
         @correctsId, @authorAccountId, @writtenAt, @searchText)`,
    )
    .run({
      team: entry.team,
      shiftDate: entry.shiftDate,
      shift: entry.shift,
      equipmentState: entry.equipmentState,
      equipmentNote: entry.equipmentNote,
      openIssues: entry.openIssues,
      staffingChanges: entry.staffingChanges,
      notes: entry.notes,
      correctsId: entry.correctsId,
      authorAccountId: entry.authorAccountId,
      writtenAt: entry.writtenAt,
      searchText: entry.searchText,
    });
  const id = Number(result.lastInsertRowid);
  const link = db.prepare('INSERT INTO handover_tickets (handover_id, ticket_id, position) VALUES (?, ?, ?)');
  entry.ticketIds.forEach((ticketId, position) => link.run(id, ticketId, position));
  return id;
}

/** The entry with this ID, or undefined. */
export function findHandover(db: Db, id: number): HandoverRecord | undefined {
  const row = db.prepare(`${selectHandover} WHERE h.id = ?`).get(id) as HandoverRow | undefined;
  return row === undefined ? undefined : handoverOf(row);
}

/** Records the acknowledgment of an entry; the store refuses a second one and one by the author. */
export function insertHandoverAcknowledgment(db: Db, acknowledgment: NewHandoverAcknowledgment): void {
  db.prepare(
    `INSERT INTO handover_acknowledgments (handover_id, account_id, acknowledged_at, note, search_text)
     VALUES (@handoverId, @accountId, @at, @note, @searchText)`,
  ).run(acknowledgment);
}

/** The ticket with this number (exactly as the desk writes them), or undefined. */
export function findHandoverTicket(db: Db, number: string): HandoverTicketRecord | undefined {
  return db
    .prepare('SELECT id, number, owner_team AS ownerTeam, status, category FROM tickets WHERE number = ?')
    .get(number) as HandoverTicketRecord | undefined;
}

/** The tickets each of these entries links, in the order written, as they stand now. */
export function listHandoverTickets(db: Db, handoverIds: readonly number[]): Map<number, HandoverTicketRecord[]> {
  const linked = new Map<number, HandoverTicketRecord[]>(handoverIds.map((id) => [id, []]));
  if (handoverIds.length === 0) return linked;
  const rows = db
    .prepare(
      `SELECT l.handover_id AS handoverId, t.id, t.number, t.owner_team AS ownerTeam, t.status, t.category
       FROM handover_tickets l JOIN tickets t ON t.id = l.ticket_id
       WHERE l.handover_id IN (SELECT value FROM json_each(?))
       ORDER BY l.handover_id, l.position`,
    )
    .all(JSON.stringify(handoverIds)) as (HandoverTicketRecord & { handoverId: number })[];
  for (const { handoverId, ...ticket } of rows) linked.get(handoverId)?.push(ticket);
  return linked;
}

const matchesQuery = `(@team IS NULL OR h.team = @team)
  AND (@from IS NULL OR h.shift_date >= @from)
  AND (@to IS NULL OR h.shift_date <= @to)
  AND (@author IS NULL OR h.author_account_id IN (SELECT id FROM accounts WHERE agent_id = @author))
  AND (@unacknowledgedOnly = 0 OR NOT EXISTS (SELECT 1 FROM handover_acknowledgments u WHERE u.handover_id = h.id))
  AND (@text = '' OR instr(h.search_text, @text) > 0
       OR instr((SELECT s.search_text FROM handover_acknowledgments s WHERE s.handover_id = h.id), @text) > 0)`;

function queryParameters(query: HandoverQuery): Record<string, unknown> {
  return {
    team: query.team,
    from: query.from,
    to: query.to,
    author: query.authorAgentId,
    unacknowledgedOnly: query.unacknowledgedOnly ? 1 : 0,
    text: query.text,
  };
}

/** One page of the entries a query matches, newest written first, and how many match in all. */
export function searchHandovers(db: Db, query: HandoverQuery): { entries: HandoverRecord[]; total: number } {
  const parameters = queryParameters(query);
  const total = db.prepare(`SELECT count(*) FROM handovers h WHERE ${matchesQuery}`).pluck().get(parameters) as number;
  const rows = db
    .prepare(`${selectHandover} WHERE ${matchesQuery} ORDER BY h.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...parameters, limit: query.limit, offset: query.offset }) as HandoverRow[];
  return { entries: rows.map(handoverOf), total };
}

/** How many entries of a team (null: of every team) nobody acknowledged yet. */
export function countUnacknowledgedHandovers(db: Db, team: string | null): number {
  return db
    .prepare(
      `SELECT count(*) FROM handovers h
       WHERE (@team IS NULL OR h.team = @team)
         AND NOT EXISTS (SELECT 1 FROM handover_acknowledgments k WHERE k.handover_id = h.id)`,
    )
    .pluck()
    .get({ team }) as number;
}

/** Everyone who wrote an entry of a team (null: of any team), by agent ID. */
export function listHandoverAuthors(db: Db, team: string | null): { agentId: string; displayName: string }[] {
  return db
    .prepare(
      `SELECT a.agent_id AS agentId, a.display_name AS displayName FROM accounts a
       WHERE a.id IN (SELECT author_account_id FROM handovers WHERE @team IS NULL OR team = @team)
       ORDER BY a.agent_id`,
    )
    .all({ team }) as { agentId: string; displayName: string }[];
}

/** The teams that have entries, in order. */
export function listHandoverTeams(db: Db): string[] {
  return db.prepare('SELECT DISTINCT team FROM handovers ORDER BY team').pluck().all() as string[];
}
