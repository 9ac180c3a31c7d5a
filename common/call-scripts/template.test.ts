import { describe, expect, it } from 'vitest';
import { defaultScripts } from './default-scripts';
import { callScriptSchema } from './script';
import { renderTemplate, renderedText, templateProblems, templateVariables, type ScriptValues } from './template';
import { customerTitle, greetingForHour, surnameOf } from './values';

const allValues: ScriptValues = {
  company: '城市燃气',
  hotline: '96777',
  agentId: '1001',
  customerTitle: '王先生',
  customerAddress: '朝阳区建国路**号',
  timeOfDay: '上午好',
  ticketNumber: 'GD-2026-000123',
};

const placeholder = (name: string) => `【${name}】`;

describe('rendering a template', () => {
  it('fills every variable', () => {
    const parts = renderTemplate('{timeOfDay}，{company}，工号 {agentId}；{customerTitle} 住 {customerAddress}，工单 {ticketNumber}，热线 {hotline}', allValues);
    expect(renderedText(parts, placeholder)).toBe('上午好，城市燃气，工号 1001；王先生 住 朝阳区建国路**号，工单 GD-2026-000123，热线 96777');
    expect(parts.filter((part) => part.kind === 'missing')).toEqual([]);
  });

  it('shows a missing or blank variable as a placeholder, never "undefined"', () => {
    const parts = renderTemplate('您好，{customerTitle}！工号 {agentId}', { agentId: ' ', company: '城市燃气' });
    expect(parts).toEqual([
      { kind: 'text', text: '您好，' },
      { kind: 'missing', name: 'customerTitle' },
      { kind: 'text', text: '！工号 ' },
      { kind: 'missing', name: 'agentId' },
    ]);
    const text = renderedText(parts, placeholder);
    expect(text).toBe('您好，【customerTitle】！工号 【agentId】');
    expect(text).not.toMatch(/undefined|null/);
  });

  it('writes literal braces doubled and keeps an unknown slot as written', () => {
    expect(renderedText(renderTemplate('{{备注}} {nope}', allValues), placeholder)).toBe('{备注} {nope}');
  });
});

describe('checking a template', () => {
  it('names unknown variables and unbalanced braces with their offsets', () => {
    expect(templateProblems('您好，{company}')).toEqual([]);
    expect(templateProblems('您好，{公司}')).toEqual([{ offset: 3, message: expect.stringMatching(/"\{公司\}" is not a script variable/) }]);
    expect(templateProblems('您好，{company')[0]).toMatchObject({ offset: 3, message: expect.stringMatching(/never closed/) });
    expect(templateProblems('您好}')[0]).toMatchObject({ offset: 2, message: expect.stringMatching(/closes nothing/) });
  });

  it('lists the variables a template uses, once each', () => {
    expect(templateVariables('{customerTitle}，{company}，{customerTitle}')).toEqual(['customerTitle', 'company']);
  });
});

describe('the default scripts', () => {
  it('are valid and follow the brief: greeting with company and agent ID, surname, identity, intent, closing', () => {
    for (const script of defaultScripts) expect(callScriptSchema.safeParse(script).success).toBe(true);
    const phone = defaultScripts.find((script) => script.kind === 'phone')!;
    expect(phone.steps.map((step) => step.id)).toEqual(['greeting', 'identify', 'confirm-identity', 'classify', 'handle', 'closing']);
    expect(renderedText(renderTemplate(phone.steps[0]!.template, allValues), placeholder)).toBe('您好，城市燃气，工号 1001 为您服务。');
    expect(defaultScripts.map((script) => script.kind).sort()).toEqual(['callback', 'counter', 'phone']);
  });

  it('refuses a script with a repeated step ID or an unknown variable', () => {
    const phone = defaultScripts[0]!;
    const repeated = { ...phone, steps: [phone.steps[0]!, phone.steps[0]!] };
    expect(callScriptSchema.safeParse(repeated).success).toBe(false);
    const unknown = { ...phone, steps: [{ ...phone.steps[0]!, template: '您好，{公司}' }] };
    expect(callScriptSchema.safeParse(unknown).success).toBe(false);
  });
});

describe('values', () => {
  it('titles a caller by surname and gender', () => {
    expect(customerTitle('王', 'male')).toBe('王先生');
    expect(customerTitle('李', 'female')).toBe('李女士');
    expect(customerTitle('张', 'unknown')).toBe('张先生/女士');
    expect(customerTitle('', 'male')).toBeUndefined();
    expect(customerTitle(undefined, 'female')).toBeUndefined();
  });

  it('takes the surname of a full name, compound surnames whole', () => {
    expect(surnameOf('王小明')).toBe('王');
    expect(surnameOf('欧阳娜娜')).toBe('欧阳');
    expect(surnameOf('欧阳')).toBe('欧');
    expect(surnameOf('  ')).toBeUndefined();
  });

  it('greets by the time of day', () => {
    expect([4, 5, 9, 11, 13, 18, 23].map(greetingForHour)).toEqual(['晚上好', '早上好', '上午好', '中午好', '下午好', '晚上好', '晚上好']);
  });
});
