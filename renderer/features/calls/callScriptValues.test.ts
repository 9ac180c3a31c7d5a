import { describe, expect, it } from 'vitest';
import { defaultScripts } from '../../../common/call-scripts/default-scripts';
import { renderTemplate, renderedText } from '../../../common/call-scripts/template';
import type { CustomerView } from '../../../common/ipc/customers';
import { callScriptValues, firstOpenStep, formatDuration, scriptForCall } from './callScriptValues';

function customer(name: CustomerView['name'], gender: CustomerView['gender'], address = '幸福小区 3 栋 ***'): CustomerView {
  return {
    id: 1,
    name,
    gender,
    phones: [],
    idType: 'resident_id',
    idNumber: { text: '', masked: true },
    address: { text: address, masked: true },
    accountNumbers: [],
    createdAt: '',
    fullFile: false,
    fullFileUntil: null,
    notes: [],
  };
}

const base = { companyName: '幸福燃气', hotline: '96777', agentId: '1001', customer: null, typedSurname: '', typedGender: 'unknown', hour: 10 } as const;

describe('call script values', () => {
  it('fills every variable from the settings, the agent and the open record', () => {
    const values = callScriptValues({ ...base, customer: customer({ text: '王先生', masked: true }, 'male'), ticketNumber: 'GD-20261122-0001' });
    expect(values).toEqual({
      company: '幸福燃气',
      hotline: '96777',
      agentId: '1001',
      customerTitle: '王先生',
      customerAddress: '幸福小区 3 栋 ***',
      timeOfDay: '上午好',
      ticketNumber: 'GD-20261122-0001',
    });
    const identify = defaultScripts[0]!.steps[1]!.template;
    expect(renderedText(renderTemplate(identify, values), (name) => `【${name}】`)).toBe('请问您贵姓？……王先生，您好！');
  });

  it('addresses by surname from a revealed or star-masked name, and the typed surname wins', () => {
    expect(callScriptValues({ ...base, customer: customer({ text: '欧阳娜娜', masked: false }, 'female') }).customerTitle).toBe('欧阳女士');
    expect(callScriptValues({ ...base, customer: customer({ text: '李**', masked: true }, null) }).customerTitle).toBe('李先生/女士');
    expect(callScriptValues({ ...base, customer: customer({ text: 'J*** S****', masked: true }, null) }).customerTitle).toBeUndefined();
    expect(callScriptValues({ ...base, customer: customer({ text: '王先生', masked: true }, 'male'), typedSurname: '汪', typedGender: 'male' }).customerTitle).toBe(
      '汪先生',
    );
  });

  it('leaves unknown values out, so the template shows placeholders instead of "undefined"', () => {
    const values = callScriptValues({ ...base, companyName: '', customer: customer({ text: '王先生', masked: true }, 'male', '') });
    const parts = renderTemplate('您好，{company}，{customerAddress}，{ticketNumber}', values);
    expect(parts.filter((part) => part.kind === 'missing').map((part) => part.name)).toEqual(['company', 'customerAddress', 'ticketNumber']);
    expect(renderedText(parts, (name) => `【${name}】`)).not.toContain('undefined');
  });

  it('picks the script of the call and the first step not done', () => {
    expect(scriptForCall(defaultScripts, { direction: 'inbound', scriptId: null })?.id).toBe('phone');
    expect(scriptForCall(defaultScripts, { direction: 'walk_in', scriptId: null })?.id).toBe('counter');
    expect(scriptForCall(defaultScripts, { direction: 'outbound', scriptId: null })?.id).toBe('callback');
    expect(scriptForCall(defaultScripts, { direction: 'inbound', scriptId: 'counter' })?.id).toBe('counter');
    expect(scriptForCall(defaultScripts, { direction: 'inbound', scriptId: 'gone' })?.id).toBe('phone');
    const phone = defaultScripts[0]!;
    expect(firstOpenStep(phone, new Set())).toBe(0);
    expect(firstOpenStep(phone, new Set(['greeting', 'identify']))).toBe(2);
    expect(firstOpenStep(phone, new Set(phone.steps.map((step) => step.id)))).toBe(phone.steps.length - 1);
    expect(formatDuration(95)).toBe('1:35');
  });
});
