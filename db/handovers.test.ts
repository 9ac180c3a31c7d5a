import { afterEach, describe, expect, it } from 'vitest';
import {
  countUnacknowledgedHandovers,
  findHandover,
  findHandoverTicket,
  insertHandover,
  insertHandoverAcknowledgment,
  listHandoverAuthors,
  listHandoverTeams,
  listHandoverTickets,
  searchHandovers,
  type HandoverQuery,
  type NewHandover,
} from './handovers';
import { createTestDatabase, insertAccountRow, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

function desk() {
  current = createTestDatabase();
  const { db } = current;
  const lead = insertAccountRow(db, { agentId: 'A2001', displayName: '李班长', role: 'team_lead', team: '一组' });
  const incoming = insertAccountRow(db, { agentId: '2002', displayName: '张班长', role: 'team_lead', team: '一组' });
  const otherLead = insertAccountRow(db, { agentId: '2003', displayName: '王班长', role: 'team_lead', team: '二组' });
  const ticket = (number: string, team: string, status = 'new') =>
    Number(
      db
        .prepare(
          `INSERT INTO tickets (number, channel, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
           VALUES (?, 'phone', 'complaint', ?, '投诉', '{}', ?, ?, '{}', '{}', '2026-11-22T02:00:00.000Z')`,
        )
        .run(number, status, lead, team).lastInsertRowid,
    );
  const entry = (changes: Partial<NewHandover> = {}): number =>
    insertHandover(db, {
      team: '一组',
      shiftDate: '2026-11-22',
      shift: 'morning',
      equipmentState: 'normal',
      equipmentNote: '',
      openIssues: '',
      staffingChanges: '',
      notes: '平稳',
      correctsId: null,
      authorAccountId: lead,
      writtenAt: '2026-11-22T06:00:00.000Z',
      ticketIds: [],
      searchText: '平稳',
      ...changes,
    });
  return { db, lead, incoming, otherLead, ticket, entry };
}

const everything: HandoverQuery = { team: null, text: '', from: null, to: null, authorAgentId: null, unacknowledgedOnly: false, limit: 50, offset: 0 };

describe('handover entries', () => {
  it('stores an entry with its tickets in the order written and reads it back with its author', () => {
    const { db, lead, ticket, entry } = desk();
    const second = ticket('GD20261122-0002', '一组', 'in_progress');
    const first = ticket('GD20261122-0001', '一组');
    const id = entry({ equipmentState: 'problems', equipmentNote: '3 号席耳机故障，已报修', ticketIds: [second, first] });
    expect(findHandover(db, id)).toEqual({
      id,
      team: '一组',
      shiftDate: '2026-11-22',
      shift: 'morning',
      equipmentState: 'problems',
      equipmentNote: '3 号席耳机故障，已报修',
      openIssues: '',
      staffingChanges: '',
      notes: '平稳',
      correctsId: null,
      author: { accountId: lead, agentId: 'A2001', displayName: '李班长' },
      writtenAt: '2026-11-22T06:00:00.000Z',
      acknowledgment: null,
    });
    expect(listHandoverTickets(db, [id, 999]).get(id)?.map((linked) => [linked.number, linked.status])).toEqual([
      ['GD20261122-0002', 'in_progress'],
      ['GD20261122-0001', 'new'],
    ]);
    expect(listHandoverTickets(db, [id, 999]).get(999)).toEqual([]);
    expect(findHandover(db, id + 1)).toBeUndefined();
  });

  it('finds a ticket by its exact number with its team, status and category', () => {
    const { db, ticket } = desk();
    const id = ticket('GD20261122-0001', '二组', 'resolved');
    expect(findHandoverTicket(db, 'GD20261122-0001')).toEqual({ id, number: 'GD20261122-0001', ownerTeam: '二组', status: 'resolved', category: 'complaint' });
    expect(findHandoverTicket(db, 'GD20261122-0009')).toBeUndefined();
  });

  it('records one acknowledgment with who, when and the note', () => {
    const { db, incoming, entry } = desk();
    const id = entry();
    insertHandoverAcknowledgment(db, { handoverId: id, accountId: incoming, at: '2026-11-22T06:05:00.000Z', note: '已阅', searchText: '已阅' });
    expect(findHandover(db, id)?.acknowledgment).toEqual({
      by: { accountId: incoming, agentId: '2002', displayName: '张班长' },
      at: '2026-11-22T06:05:00.000Z',
      note: '已阅',
    });
    expect(() => insertHandoverAcknowledgment(db, { handoverId: id, accountId: incoming, at: 't', note: '', searchText: '' })).toThrow();
  });
});

describe('searching the handover log', () => {
  it('filters by team, text (entry or acknowledgment note), shift dates, author and acknowledgment; newest first, paged', () => {
    const { db, incoming, otherLead, entry } = desk();
    const oldest = entry({ shiftDate: '2026-11-20', searchText: '设备正常\ngd20261120-0001' });
    const middle = entry({ shiftDate: '2026-11-21', authorAccountId: incoming, searchText: '客户投诉升级' });
    const newest = entry({ shiftDate: '2026-11-22', searchText: '平稳' });
    const otherTeam = entry({ team: '二组', authorAccountId: otherLead, searchText: '客户投诉' });
    insertHandoverAcknowledgment(db, { handoverId: oldest, accountId: incoming, at: 't', note: '耳机已换', searchText: '耳机已换' });

    const ids = (query: Partial<HandoverQuery>) => searchHandovers(db, { ...everything, ...query }).entries.map((found) => found.id);
    expect(ids({})).toEqual([otherTeam, newest, middle, oldest]);
    expect(ids({ team: '一组' })).toEqual([newest, middle, oldest]);
    expect(ids({ team: '一组', text: '投诉' })).toEqual([middle]);
    expect(ids({ text: '投诉' })).toEqual([otherTeam, middle]);
    expect(ids({ text: 'gd20261120-0001' })).toEqual([oldest]);
    expect(ids({ text: '耳机' })).toEqual([oldest]);
    expect(ids({ team: '一组', from: '2026-11-21' })).toEqual([newest, middle]);
    expect(ids({ team: '一组', from: '2026-11-21', to: '2026-11-21' })).toEqual([middle]);
    expect(ids({ team: '一组', to: '2026-11-20' })).toEqual([oldest]);
    expect(ids({ team: '一组', authorAgentId: 'a2001' })).toEqual([newest, oldest]);
    expect(ids({ authorAgentId: '9999' })).toEqual([]);
    expect(ids({ team: '一组', unacknowledgedOnly: true })).toEqual([newest, middle]);

    const firstPage = searchHandovers(db, { ...everything, team: '一组', limit: 2, offset: 0 });
    const secondPage = searchHandovers(db, { ...everything, team: '一组', limit: 2, offset: 2 });
    expect([firstPage.total, firstPage.entries.map((found) => found.id)]).toEqual([3, [newest, middle]]);
    expect([secondPage.total, secondPage.entries.map((found) => found.id)]).toEqual([3, [oldest]]);
    expect(searchHandovers(db, { ...everything, team: '一组', text: '投诉', limit: 1, offset: 0 }).total).toBe(1);
  });

  it('counts unacknowledged entries and lists authors and teams of what the caller reads', () => {
    const { db, incoming, otherLead, entry } = desk();
    const first = entry();
    entry({ authorAccountId: incoming });
    entry({ team: '二组', authorAccountId: otherLead });
    insertHandoverAcknowledgment(db, { handoverId: first, accountId: incoming, at: 't', note: '', searchText: '' });
    expect(countUnacknowledgedHandovers(db, '一组')).toBe(1);
    expect(countUnacknowledgedHandovers(db, '二组')).toBe(1);
    expect(countUnacknowledgedHandovers(db, null)).toBe(2);
    expect(listHandoverAuthors(db, '一组')).toEqual([
      { agentId: '2002', displayName: '张班长' },
      { agentId: 'A2001', displayName: '李班长' },
    ]);
    expect(listHandoverAuthors(db, null)).toHaveLength(3);
    expect(listHandoverTeams(db)).toEqual(['一组', '二组']);
  });
});
