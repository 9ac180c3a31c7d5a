import * as ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { findAccountByAgentId } from '../../db/accounts';
import { appendAuditEntry, listAuditEntries } from '../../db/audit-log';
import { createTestDatabase, type TestDatabase } from '../../db/test-support';
import { createScenario, type Scenario } from '../test-support';
import {
  AuditExportTooLargeError,
  auditExportColumns,
  csvCell,
  csvRecord,
  detailsText,
  exportAuditView,
  localTimeOf,
  pendingSheetBytes,
  writeAuditCsv,
  writeAuditXlsx,
} from './audit-export';

/** exceljs declares its own global `Buffer` (an ArrayBuffer), which Node's typed Buffers no longer match; the bytes are the same. */
function asExcelBuffer(bytes: Uint8Array): Parameters<ExcelJS.Xlsx['load']>[0] {
  return bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0];
}

let scenario: Scenario | undefined;
let database: TestDatabase | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
  database?.cleanup();
  database = undefined;
});

const formulaLooking = '=HYPERLINK("http://evil.example","点我")';
const header = auditExportColumns.map(([name]) => name);

describe('audit export cells', () => {
  it('neutralises formula triggers and quotes as RFC 4180 says', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell(formulaLooking)).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csvCell('客户要求回拨, 核实"身份"')).toBe('"客户要求回拨, 核实""身份"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('customer.reveal')).toBe('customer.reveal');
    expect(csvCell(-480)).toBe('-480');
    expect(csvCell(null)).toBe('');
    expect(csvRecord(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('writes the workstation time from the UTC time and offset', () => {
    expect(localTimeOf('2026-11-22T02:00:00.000Z', 480)).toBe('2026-11-22 10:00:00.000 +08:00');
    expect(localTimeOf('2026-11-22T02:00:00.000Z', -330)).toBe('2026-11-21 20:30:00.000 -05:30');
  });

  it('writes details as the stored text the hash covers', () => {
    database = createTestDatabase();
    const { db } = database;
    appendAuditEntry(db, Buffer.alloc(32, 7), {
      occurredAt: '2026-11-22T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: 480,
      workstationId: 'WS-1',
      agentId: '1001',
      role: 'agent',
      action: 'customer.reveal',
      objectType: 'customer',
      objectId: '1',
      outcome: 'success',
      code: null,
      details: { reason: '客户要求回拨', '10': 'ten', '2': '二', index: 0 },
    });
    const stored = db.prepare('SELECT details FROM audit_log').pluck().get() as string;
    expect(detailsText(listAuditEntries(db, { limit: 1 })[0]!.details)).toBe(stored);
  });
});

/** The CSV as a spreadsheet reads it: BOM dropped, RFC 4180 records split into cells. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index]!;
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(cell);
      cell = '';
    } else if (character === '\r' && body[index + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  expect(record).toEqual([]);
  return records;
}

/** Agent 1001 reveals a customer's phone; an entry whose object looks like a formula is added by hand. */
async function revealAndPlant(current: Scenario): Promise<{ customerId: number }> {
  const created = await current.value(
    'app:customers.create',
    { fullName: '欧阳晓明', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [] },
    '1001',
  );
  const customerId = created.customer.id as number;
  await current.value('app:customers.reveal', { customerId, field: 'phone', index: 0, reasonCode: 'call_back', reasonText: '客户要求回拨核实' }, '1001');
  const db = current.desk.desk.store.connection();
  db.transaction(() =>
    appendAuditEntry(db, current.desk.desk.store.auditKey(), {
      occurredAt: current.clock.now().toISOString(),
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: 480,
      workstationId: 'WS-PLANTED',
      agentId: '1001',
      role: 'agent',
      action: 'customer.view',
      objectType: 'customer',
      objectId: formulaLooking,
      outcome: 'success',
      code: null,
      details: { note: '-1+2' },
    }),
  )();
  return { customerId };
}

async function approvedExport(current: Scenario): Promise<number> {
  const { approval } = await current.value(
    'app:approvals.request',
    { purpose: 'audit_export', customerId: null, reasonCode: 'complaint_handling', reasonText: '投诉调查，导出审计记录' },
    '2001',
  );
  await current.value('app:approvals.decide', { approvalId: approval.id, approve: true, note: '同意' }, '2002');
  return approval.id as number;
}

const revealFilter = { agentId: '1001', action: 'customer.*' };

describe('audit export through the desk', () => {
  it('needs an approved grant, uses it up, is audited, and writes CSV with a BOM and neutralised formulas', async () => {
    const current = (scenario = await createScenario());
    const { customerId } = await revealAndPlant(current);
    const db = current.desk.desk.store.connection();

    expect(await current.call('app:audit.export', { filter: revealFilter, format: 'csv', approvalId: 1 }, '2001')).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'app:audit.export', outcome: 'refused', code: 'APPROVAL_REQUIRED' });
    expect(
      await current.call('app:approvals.request', { purpose: 'audit_export', customerId: null, reasonCode: 'other', reasonText: '想看看' }, '1001'),
    ).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:audit.export', { filter: {}, format: 'csv', approvalId: 1 }, '1001')).toMatchObject({ code: 'FORBIDDEN_ROLE' });

    const approvalId = await approvedExport(current);
    // Another lead's approved grant is no grant for this one.
    expect(await current.call('app:audit.export', { filter: revealFilter, format: 'csv', approvalId }, '2002')).toMatchObject({ code: 'APPROVAL_REQUIRED' });

    const file = await current.value('app:audit.export', { filter: revealFilter, order: 'asc', format: 'csv', approvalId }, '2001');
    expect(file.fileName).toMatch(/^seatdesk-audit-\d{8}T\d{6}Z\.csv$/);
    expect(file.mimeType).toBe('text/csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    const [head, ...rows] = parseCsv(text);
    expect(head).toEqual(header);
    expect(rows).toHaveLength(file.rowCount);
    const column = (name: string) => header.indexOf(name);
    const expectedActions = listAuditEntries(db, { limit: 500, agentIds: ['1001'] })
      .filter((entry) => entry.action.startsWith('customer.'))
      .map((entry) => entry.action)
      .reverse();
    expect(rows.map((row) => row[column('action')])).toEqual(expectedActions);
    const reveal = rows.find((row) => row[column('action')] === 'customer.reveal')!;
    expect(reveal[column('objectId')]).toBe(String(customerId));
    expect(JSON.parse(reveal[column('details')]!)).toMatchObject({ field: 'phone', reason: '客户要求回拨核实' });
    expect(reveal[column('hash')]).toMatch(/^[0-9a-f]{64}$/);
    expect(reveal[column('localTime')]).toMatch(/ \+08:00$/);
    const planted = rows.find((row) => row[column('workstationId')] === 'WS-PLANTED')!;
    expect(planted[column('objectId')]).toBe(`'${formulaLooking}`);
    expect(text).not.toContain('13812345678');

    // The grant is used up: a second export with it is refused.
    const mine = await current.value('app:approvals.mine', {}, '2001');
    expect(mine.approvals.find((item: { id: number }) => item.id === approvalId)).toMatchObject({ status: 'used' });
    expect(await current.call('app:audit.export', { filter: revealFilter, format: 'csv', approvalId }, '2001')).toMatchObject({ code: 'APPROVAL_REQUIRED' });

    const exported = listAuditEntries(db, { limit: 10 }).find((entry) => entry.action === 'audit.export')!;
    expect(exported).toMatchObject({
      agentId: '2001',
      objectType: 'audit',
      outcome: 'success',
      details: { format: 'csv', rowCount: file.rowCount, agentId: '1001', action: 'customer.*', order: 'asc', scope: 'team', approvalId },
    });
  });

  it('writes XLSX through the streaming writer: header, Chinese text, formula-looking text kept as text', async () => {
    const current = (scenario = await createScenario());
    const { customerId } = await revealAndPlant(current);
    const approvalId = await approvedExport(current);
    const file = await current.value('app:audit.export', { filter: revealFilter, format: 'xlsx', approvalId }, '2001');
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelBuffer(Buffer.from(file.contentBase64, 'base64')));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(file.rowCount + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    const rows = Array.from({ length: file.rowCount }, (_, index) => sheet.getRow(index + 2));
    const cellOf = (row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1);
    // Newest first by default: the planted entry came last.
    expect(cellOf(rows[0]!, 'workstationId').value).toBe('WS-PLANTED');
    const planted = cellOf(rows[0]!, 'objectId');
    expect(planted.type).toBe(ExcelJS.ValueType.String);
    expect(planted.value).toBe(formulaLooking);
    expect(planted.formula).toBeUndefined();
    const reveal = rows.find((row) => cellOf(row, 'action').value === 'customer.reveal')!;
    expect(cellOf(reveal, 'objectId').value).toBe(String(customerId));
    expect(String(cellOf(reveal, 'details').value)).toContain('客户要求回拨核实');
    expect(typeof cellOf(reveal, 'seq').value).toBe('number');
    for (const row of rows) for (let index = 1; index <= header.length; index += 1) expect(row.getCell(index).formula).toBeUndefined();
  });

  it('refuses a view larger than the limit, audited, and keeps the grant', async () => {
    const current = (scenario = await createScenario());
    await revealAndPlant(current);
    const approvalId = await approvedExport(current);
    const db = current.desk.desk.store.connection();
    const caller = { clientKey: '2001', account: findAccountByAgentId(db, '2001')! };
    await expect(
      exportAuditView(current.desk.desk, caller, { filter: {}, order: 'desc', format: 'csv', approvalId }, { rowLimit: 3 }),
    ).rejects.toMatchObject({ code: 'AUDIT_EXPORT_TOO_LARGE' });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'audit.export', outcome: 'refused', code: 'AUDIT_EXPORT_TOO_LARGE', details: { rowLimit: 3 } });
    // Writing stops before the entry past the limit (a row-filter view whose count ran out of budget finds out here).
    const scope = { kind: 'agents', agentIds: ['1001', '2001', '2002'] } as const;
    await expect(writeAuditCsv(db, { scope, filter: { action: 'customer.*' }, order: 'desc' }, 2)).rejects.toBeInstanceOf(AuditExportTooLargeError);
    await expect(writeAuditXlsx(db, { scope, filter: { action: 'customer.*' }, order: 'desc' }, 2)).rejects.toBeInstanceOf(AuditExportTooLargeError);
    expect((await writeAuditCsv(db, { scope, filter: { action: 'customer.*' }, order: 'desc' }, 3)).rowCount).toBe(3);
    const small = await exportAuditView(current.desk.desk, caller, { filter: revealFilter, order: 'desc', format: 'csv', approvalId }, { rowLimit: 3 });
    expect(small.rowCount).toBe(3);
  });

  it('keeps a team lead to the team: another team\'s agent exports as no entries', async () => {
    const current = (scenario = await createScenario());
    await revealAndPlant(current);
    const approvalId = await approvedExport(current);
    const file = await current.value('app:audit.export', { filter: { agentId: '1002' }, format: 'csv', approvalId }, '2001');
    expect(file.rowCount).toBe(0);
    expect(parseCsv(Buffer.from(file.contentBase64, 'base64').toString('utf8'))).toEqual([header]);
  });
});

describe('streamed XLSX', () => {
  it('waits for the compressor, so the sheet XML never piles up, and reads exceljs internals it relies on', async () => {
    database = createTestDatabase();
    const { db } = database;
    const auditKey = Buffer.alloc(32, 3);
    const count = 6000;
    db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        appendAuditEntry(db, auditKey, {
          occurredAt: new Date(Date.parse('2026-11-01T00:00:00.000Z') + index * 1000).toISOString(),
          timeZone: 'Asia/Shanghai',
          utcOffsetMinutes: 480,
          workstationId: 'WS-1',
          agentId: index % 2 === 0 ? '1001' : '2001',
          role: 'agent',
          action: 'customer.view',
          objectType: 'customer',
          objectId: String(index),
          outcome: 'success',
          code: null,
          details: { reason: `客户来电核实身份 ${'很长的说明'.repeat(20)} #${index}` },
        });
      }
    })();
    const observed: (number | undefined)[] = [];
    const { content, rowCount } = await writeAuditXlsx(db, { scope: { kind: 'all' }, filter: {}, order: 'asc' }, count, (pending) => observed.push(pending));
    expect(rowCount).toBe(count);
    expect(observed.length).toBeGreaterThan(0);
    expect(observed.every((pending) => typeof pending === 'number')).toBe(true);
    expect(observed.at(-1)).toBeLessThanOrEqual(1 << 20);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelBuffer(content));
    expect(workbook.worksheets[0]!.rowCount).toBe(count + 1);
    expect(workbook.worksheets[0]!.getRow(count + 1).getCell(1).value).toBe(count);

    const probe = new ExcelJS.stream.xlsx.WorkbookWriter({}).addWorksheet('probe');
    const before = pendingSheetBytes(probe)!;
    probe.addRow(['客户要求回拨核实'.repeat(100)]).commit();
    expect(pendingSheetBytes(probe)).toBeGreaterThan(before);
  });
});
