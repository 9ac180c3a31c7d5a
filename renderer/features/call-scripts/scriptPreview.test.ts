import { describe, expect, it } from 'vitest';
import { describeTemplateProblem, insertVariable, previewValues } from './scriptPreview';
import { templateProblems } from '../../../common/call-scripts/template';

describe('the script editor helpers', () => {
  it('insert a variable at the caret, over a selection, or at the end', () => {
    expect(insertVariable('您好，。', 3, 3, 'company')).toEqual({ text: '您好，{company}。', caret: 12 });
    expect(insertVariable('您好，XX。', 3, 5, 'customerTitle')).toEqual({ text: '您好，{customerTitle}。', caret: 18 });
    expect(insertVariable('您好', 99, 99, 'hotline')).toEqual({ text: '您好{hotline}', caret: 11 });
  });

  it('leave the ticket number out of the sample values, so a placeholder shows', () => {
    const values = previewValues(10);
    expect(values.timeOfDay).toBe('上午好');
    expect(values.ticketNumber).toBeUndefined();
    expect(values.company).toBe('示例燃气公司');
  });

  it('put template problems in words', () => {
    const translate = (key: string, variables?: Record<string, string | number>) => `${key}${variables === undefined ? '' : JSON.stringify(variables)}`;
    const [unknown] = templateProblems('您好，{公司}');
    expect(describeTemplateProblem(unknown!.message, translate)).toBe('callScripts.problem.unknownVariable{"slot":"{公司}"}');
    expect(describeTemplateProblem(templateProblems('{company')[0]!.message, translate)).toBe('callScripts.problem.unclosed');
    expect(describeTemplateProblem(templateProblems('a}')[0]!.message, translate)).toBe('callScripts.problem.unopened');
  });
});
