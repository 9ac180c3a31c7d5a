import { afterEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../common/ipc/contract';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, personalPassword, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type GeneratedCustomer = {
  fullName: string;
  givenName: string;
  gender: 'male' | 'female' | null;
  phones: string[];
  idNumber: string;
  address: string;
  addressDetail: string;
  accountNumbers: string[];
};

function generateCustomers(count: number, seed: number): GeneratedCustomer[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
  const surnames = ['王', '李', '张', '刘', '陈', '欧阳', '司马', '诸葛'];
  const givenNames = ['晓明', '秀英', '建国', '丽华', '志强', '雨桐', '子轩', '梓涵'];
  const places = ['北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', '浙江省杭州市西湖区', '四川省成都市武侯区'];
  const streets = ['建国路', '人民大道', '科技园南路', '文三路', '武侯祠大街'];
  return Array.from({ length: count }, (_, index) => {
    const givenName = pick(givenNames);
    const detail = `${pick(streets)}${100 + index}号${Math.floor(random() * 30) + 1}栋${digits(4)}室`;
    return {
      fullName: `${pick(surnames)}${givenName}`,
      givenName,
      gender: pick(['male', 'female', null] as const),
      phones: [`1${pick(['38', '39', '58', '86'])}${digits(8)}`, ...(random() < 0.5 ? [`010-6${digits(7)}`] : [])],
      idNumber: `${pick(['110105', '310115', '440305'])}19${digits(2)}0${Math.floor(random() * 9) + 1}1${Math.floor(random() * 9)}${digits(3)}${pick(['X', '1', '7'])}`,
      address: `${pick(places)}${detail}`,
      addressDetail: detail,
      accountNumbers: random() < 0.7 ? [`6222${digits(12)}`] : [],
    };
  });
}

/** Every unmasked piece a response must not carry, by field. */
function secretsOf(customer: GeneratedCustomer): Record<string, string[]> {
  return {
    name: [customer.givenName],
    // The visible prefix plus the hidden middle: a bare 4-digit run also occurs in hex hashes.
    phone: customer.phones.flatMap((phone) => [phone, phone.replace(/\D/g, '').slice(0, 7)]),
    idNumber: [customer.idNumber, customer.idNumber.slice(4, 14)],
    address: [customer.addressDetail, customer.addressDetail.slice(0, 5)],
    accountNumber: customer.accountNumbers.flatMap((number) => [number, number.slice(4, 12)]),
  };
}

function leakedFields(text: string, customer: GeneratedCustomer): string[] {
  return Object.entries(secretsOf(customer))
    .filter(([, parts]) => parts.some((part) => text.includes(part)))
    .map(([field]) => field);
}

const agent = '1001';
const lead = '2001';

describe('masked customer data', () => {
  it('never lets an unmasked phone, ID, address, account number or name out of main without a reveal', async () => {
    const current = (scenario = await createScenario());
    const customers = generateCustomers(25, 20261122);
    const responses: string[] = [];
    const record = (result: unknown) => {
      responses.push(JSON.stringify(result));
      return result as any;
    };
    const call = async (channel: string, payload: unknown, client = agent) => record(await current.call(channel, payload, client));

    const ids: number[] = [];
    for (const customer of customers) {
      const created = await call('app:customers.create', {
        fullName: customer.fullName,
        gender: customer.gender,
        phones: customer.phones,
        idType: 'resident_id',
        idNumber: customer.idNumber,
        address: customer.address,
        accountNumbers: customer.accountNumbers,
      });
      expect(created.ok).toBe(true);
      ids.push(created.value.customer.id);
    }
    for (const [index, customer] of customers.entries()) {
      const id = ids[index]!;
      for (const client of [agent, lead, '8001']) {
        await call('app:customers.find', { kind: 'phone', value: customer.phones[0] }, client);
        await call('app:customers.find', { kind: 'idNumber', value: customer.idNumber.toLowerCase() }, client);
        if (customer.accountNumbers[0] !== undefined) {
          await call('app:customers.find', { kind: 'accountNumber', value: customer.accountNumbers[0] }, client);
        }
      }
      await call('app:customers.view', { customerId: id });
      await call('app:customers.addNote', { customerId: id, body: '客户咨询账单，已解释。' });
      await call('app:customers.openFullFile', { customerId: id });
      await call('app:customers.export', { customerId: id, approvalId: 1 });
      await call('app:approvals.request', { purpose: 'full_file', customerId: id, reasonCode: 'complaint_handling', reasonText: '投诉处理需要' });
    }
    // Every other channel of the contract, with plausible payloads, from each role.
    const samplePayloads: Record<string, unknown> = {
      'app:customers.reveal': { customerId: ids[0], field: 'phone', reasonCode: 'other', reasonText: 'x' },
      'app:customers.print': { customerId: ids[0], approvalId: 1 },
      'app:approvals.decide': { approvalId: 1, approve: false, note: '' },
      'app:approvals.withdraw': { approvalId: 2 },
      'app:audit.list': { limit: 500 },
    };
    for (const entry of listChannels()) {
      if (['app:session.signOut', 'app:session.lock', 'app:setup.createAdministrator', 'app:customers.create'].includes(entry.name)) continue;
      for (const client of [agent, lead, '2003', '8001']) {
        await call(entry.name, samplePayloads[entry.name] ?? {}, client);
      }
    }
    expect(responses.length).toBeGreaterThan(400);
    for (const [index, customer] of customers.entries()) {
      for (const text of responses) {
        expect(leakedFields(text, customer), `customer ${index} in ${text.slice(0, 200)}`).toEqual([]);
      }
    }
    // The audit log holds no unmasked data either.
    const auditText = JSON.stringify(listAuditEntries(current.desk.desk.store.connection(), { limit: 500 }));
    for (const customer of customers) expect(leakedFields(auditText, customer)).toEqual([]);
  });

  it('reveals exactly one field of one customer, with a reason, until the view ends', async () => {
    const current = (scenario = await createScenario());
    const [customer] = generateCustomers(1, 7);
    const created = await current.value(
      'app:customers.create',
      { ...customer, idType: 'resident_id', givenName: undefined, addressDetail: undefined },
      agent,
    ).catch(() => undefined);
    expect(created).toBeUndefined(); // unknown keys are refused
    const { customer: view } = await current.value(
      'app:customers.create',
      {
        fullName: customer!.fullName,
        gender: 'female',
        phones: ['13812345678', '010-62345678'],
        idType: 'resident_id',
        idNumber: '110105194912310021',
        address: '北京市朝阳区建国路88号SOHO现代城2号楼1801',
        accountNumbers: ['6222021234567890123'],
      },
      agent,
    );
    expect(view.phones).toEqual([
      { text: '138****5678', masked: true },
      { text: '010-****5678', masked: true },
    ]);
    expect(view.idNumber).toEqual({ text: '1101**********0021', masked: true });
    expect(view.address).toEqual({ text: '北京市朝阳区****', masked: true });
    expect(view.name.text).toMatch(/女士$/);

    expect(
      await current.call('app:customers.reveal', { customerId: view.id, field: 'phone', index: 1, reasonCode: 'call_back', reasonText: ' ' }, agent),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const revealed = await current.value(
      'app:customers.reveal',
      { customerId: view.id, field: 'phone', index: 1, reasonCode: 'call_back', reasonText: '客户要求回拨座机' },
      agent,
    );
    expect(revealed.value).toBe('010-62345678');
    expect(revealed.customer.phones).toEqual([
      { text: '138****5678', masked: true },
      { text: '010-62345678', masked: false },
    ]);
    expect(revealed.customer.idNumber.masked).toBe(true);
    const entry = listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]!;
    expect(entry).toMatchObject({
      action: 'customer.reveal',
      agentId: agent,
      objectType: 'customer',
      objectId: String(view.id),
      details: { field: 'phone', index: 1, reasonCode: 'call_back', reason: '客户要求回拨座机' },
    });
    expect(JSON.stringify(entry)).not.toContain('62345678');
    // Another agent's session does not see the reveal; a closed view ends it.
    await current.value('app:customers.find', { kind: 'phone', value: '13812345678' }, '1002');
    expect((await current.value('app:customers.view', { customerId: view.id }, '1002')).customer.phones[1].masked).toBe(true);
    await current.value('app:customers.closeView', {}, agent);
    expect((await current.value('app:customers.view', { customerId: view.id }, agent)).customer.phones[1].masked).toBe(true);
  });
});

describe('least privilege', () => {
  it('agents open only customers they found by an exact number; no name or partial search exists', async () => {
    const current = (scenario = await createScenario());
    const { customer } = await current.value(
      'app:customers.create',
      { fullName: '赵六', gender: null, phones: ['13900001111'], idType: 'resident_id', idNumber: '440305199001011234', address: '', accountNumbers: ['6222 0000 1111 2222'] },
      '1002',
    );
    expect(await current.call('app:customers.view', { customerId: customer.id }, agent)).toMatchObject({ code: 'CUSTOMER_NOT_ACCESSIBLE' });
    expect(await current.call('app:customers.find', { kind: 'name', value: '赵六' }, agent)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await current.value('app:customers.find', { kind: 'phone', value: '1390000' }, agent)).customers).toEqual([]);
    expect((await current.value('app:customers.find', { kind: 'accountNumber', value: '62220000111122' }, agent)).customers).toEqual([]);
    const found = await current.value('app:customers.find', { kind: 'phone', value: '+86 139-0000-1111' }, agent);
    expect(found.customers).toEqual([{ id: customer.id, name: '赵*', phone: '139****1111' }]);
    expect((await current.value('app:customers.find', { kind: 'accountNumber', value: '6222000011112222' }, agent)).customers).toHaveLength(1);
    expect((await current.value('app:customers.view', { customerId: customer.id }, agent)).customer.id).toBe(customer.id);
    // Administrators find (masked) but open a file only through an approval.
    await current.value('app:customers.find', { kind: 'phone', value: '13900001111' }, '8001');
    expect(await current.call('app:customers.view', { customerId: customer.id }, '8001')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:customers.openFullFile', { customerId: customer.id }, '8001')).toMatchObject({ code: 'APPROVAL_REQUIRED' });
  });
});

describe('approvals', () => {
  async function customerFoundBy(current: Scenario, client: string): Promise<number> {
    const { customer } = await current.value(
      'app:customers.create',
      { fullName: '钱七', gender: 'male', phones: ['13700002222'], idType: 'resident_id', idNumber: '310115198807070011', address: '上海市浦东新区世纪大道100号', accountNumbers: [] },
      client,
    );
    return customer.id;
  }

  it('grants a full file for 30 minutes to the requester only, after another lead approved it', async () => {
    const current = (scenario = await createScenario());
    const customerId = await customerFoundBy(current, agent);
    const { approval } = await current.value(
      'app:approvals.request',
      { purpose: 'full_file', customerId, reasonCode: 'complaint_handling', reasonText: '投诉升级，需要完整档案' },
      agent,
    );
    expect(approval).toMatchObject({ status: 'pending', customerLabel: '钱先生', requesterAgentId: agent });
    expect(await current.call('app:customers.openFullFile', { customerId }, agent)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    // Only leads decide, only their team's requests, never an agent.
    expect(await current.call('app:approvals.decide', { approvalId: approval.id, approve: true, note: '' }, '1002')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:approvals.decide', { approvalId: approval.id, approve: true, note: '' }, '2003')).toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
    expect((await current.value('app:approvals.inbox', {}, '2003')).approvals).toEqual([]);
    const inbox = (await current.value('app:approvals.inbox', {}, lead)).approvals;
    expect(inbox.map((item: { id: number }) => item.id)).toEqual([approval.id]);
    const decided = await current.value('app:approvals.decide', { approvalId: approval.id, approve: true, note: '同意' }, lead);
    expect(decided.approval).toMatchObject({ status: 'approved', deciderAgentId: lead });
    expect(decided.approval.expiresAt).toBe(new Date(current.clock.now().getTime() + 30 * 60_000).toISOString());
    expect(await current.call('app:approvals.decide', { approvalId: approval.id, approve: false, note: '' }, '2002')).toMatchObject({
      code: 'APPROVAL_ALREADY_DECIDED',
    });

    const full = await current.value('app:customers.openFullFile', { customerId }, agent);
    expect(full.customer).toMatchObject({ fullFile: true, name: { text: '钱七', masked: false }, phones: [{ text: '13700002222', masked: false }] });
    expect(full.customer.fullFileUntil).toBe(decided.approval.expiresAt);
    // Single-purpose: the full-file grant does not export, and it is the requester's alone.
    expect(await current.call('app:customers.export', { customerId, approvalId: approval.id }, agent)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    await current.value('app:customers.find', { kind: 'phone', value: '13700002222' }, '2002');
    expect(await current.call('app:customers.openFullFile', { customerId }, '2002')).toMatchObject({ code: 'APPROVAL_REQUIRED' });

    // The open file masks itself again when the grant ends, even if the view stays open.
    // The agent keeps working (so the seat stays unlocked) past the grant's 30 minutes.
    for (let minute = 0; minute < 30; minute += 3) {
      current.clock.advance(3 * 60_000);
      await current.value('app:session.activity', {}, agent);
    }
    // A note with a block-severity phrase is refused whatever the renderer showed; a warn one is kept.
    expect(await current.call('app:customers.addNote', { customerId, body: '他 妈 的，又打来了' }, agent)).toMatchObject({ code: 'PHRASE_BLOCKED' });
    const afterExpiry = await current.value('app:customers.addNote', { customerId, body: '客户新号码 13911112222' }, agent);
    expect(afterExpiry.customer).toMatchObject({ fullFile: false, fullFileUntil: null, name: { masked: true }, phones: [{ masked: true }] });
    expect(afterExpiry.customer.notes[0].body).toBe('客户新号码 *******2222');
    expect(await current.call('app:customers.openFullFile', { customerId }, agent)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect((await current.value('app:approvals.mine', {}, agent)).approvals[0]).toMatchObject({ id: approval.id, status: 'expired' });

    const actions = listAuditEntries(current.desk.desk.store.connection(), { limit: 500 }).map((entry) => `${entry.agentId} ${entry.action} ${entry.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `${agent} approval.request success`,
        `${lead} approval.approve success`,
        `${agent} customer.openFullFile success`,
        `${agent} app:customers.openFullFile refused`,
        `1002 app:approvals.decide refused`,
      ]),
    );
  });

  it('refuses self-approval and lets an export grant be used exactly once', async () => {
    const current = (scenario = await createScenario());
    const customerId = await customerFoundBy(current, lead);
    const { approval } = await current.value(
      'app:approvals.request',
      { purpose: 'export', customerId, reasonCode: 'service_request', reasonText: '客户书面申请导出' },
      lead,
    );
    expect((await current.value('app:approvals.inbox', {}, lead)).approvals).toEqual([]);
    expect(await current.call('app:approvals.decide', { approvalId: approval.id, approve: true, note: '' }, lead)).toMatchObject({ code: 'SELF_APPROVAL' });
    await current.value('app:approvals.decide', { approvalId: approval.id, approve: true, note: '' }, '2002');
    const exported = await current.value('app:customers.export', { customerId, approvalId: approval.id }, lead);
    expect(exported.content.startsWith('\uFEFF')).toBe(true);
    expect(exported.content).toContain('钱七');
    expect(exported.content).toContain('13700002222');
    expect(await current.call('app:customers.export', { customerId, approvalId: approval.id }, lead)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect((await current.value('app:approvals.mine', {}, lead)).approvals[0].status).toBe('used');
    const exportEntry = listAuditEntries(current.desk.desk.store.connection(), { limit: 500 }).find((entry) => entry.action === 'customer.export');
    expect(exportEntry).toMatchObject({ agentId: lead, objectId: String(customerId), details: { approvalId: approval.id } });
    expect(JSON.stringify(exportEntry)).not.toContain('13700002222');
  });

  it('denies, withdraws, and lets undecided requests expire after a day', async () => {
    const current = (scenario = await createScenario());
    const customerId = await customerFoundBy(current, agent);
    const request = (purpose: string) =>
      current.value('app:approvals.request', { purpose, customerId, reasonCode: 'other', reasonText: '需要打印' }, agent);
    const denied = (await request('print')).approval;
    await current.value('app:approvals.decide', { approvalId: denied.id, approve: false, note: '理由不足' }, lead);
    expect(await current.call('app:customers.print', { customerId, approvalId: denied.id }, agent)).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    const withdrawn = (await request('print')).approval;
    expect((await current.value('app:approvals.withdraw', { approvalId: withdrawn.id }, agent)).approval.status).toBe('withdrawn');
    const stale = (await request('print')).approval;
    current.clock.advance(24 * 60 * 60_000);
    await current.value('app:session.unlock', { password: personalPassword(lead) }, lead);
    expect(await current.call('app:approvals.decide', { approvalId: stale.id, approve: true, note: '' }, lead)).toMatchObject({
      code: 'APPROVAL_ALREADY_DECIDED',
    });
    await current.value('app:session.unlock', { password: personalPassword(agent) }, agent);
    const statuses = (await current.value('app:approvals.mine', {}, agent)).approvals.map((item: { status: string }) => item.status);
    expect(statuses).toEqual(['expired', 'withdrawn', 'denied']);
  });
});
