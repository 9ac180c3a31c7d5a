import { describe, expect, it } from 'vitest';
import { defaultRulebook } from './default-rulebook';
import { phraseRuleSchema, phraseRuleShape, type PhraseRule } from './rulebook';
import {
  exportRulebookCsv,
  exportRulebookJson,
  parseRulebookCsv,
  parseRulebookJson,
  rulebookFileMaxBytes,
  type RulebookImport,
  type RulebookImportProblem,
} from './rulebook-io';

/** Rules whose text needs every kind of escaping either format has. */
const awkwardRules: PhraseRule[] = [
  {
    id: 'odd.1_x-y',
    phrases: ['a, b', '"quoted" phrase', 'pipe|inside', 'back\\slash', 'both \\| mixed', 'ends with \\'],
    category: 'custom',
    severity: 'block',
    exceptions: ['a, b, c'],
    suggestions: ['line one\nline two', '逗号，句号。引号“”竖线｜', 'emoji 😀👍🏽', '\\\\|\\|||', '"'],
    enabled: false,
    note: 'Line 1\r\nLine 2\nLine 3\rend, with "quotes" and | and \\',
  },
  {
    id: '2',
    phrases: ['😀 smile'],
    category: 'regulatory',
    severity: 'warn',
    exceptions: [],
    suggestions: [],
    enabled: true,
    note: '',
  },
  {
    id: 'C-3',
    phrases: ['全角，标点', '「引号」'],
    category: 'service',
    severity: 'warn',
    exceptions: ['全角，标点符号'],
    suggestions: ['，开头的建议'],
    enabled: true,
    note: '备注：含全角逗号，和“引号”',
  },
];

function problemsOf(result: RulebookImport): RulebookImportProblem[] {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('rules');
  return result.ok ? [] : result.problems;
}

function rulesOf(result: RulebookImport): PhraseRule[] {
  if (!result.ok) expect.fail(JSON.stringify(result.problems));
  return result.rules;
}

describe('exportRulebookJson', () => {
  it('writes the envelope, two-space indent, fields in schema order and a final line break', () => {
    const scrambled = { note: 'n', enabled: true, id: 'X-1', severity: 'warn', category: 'service', suggestions: [], exceptions: [], phrases: ['不管'], extra: 1 };
    const text = exportRulebookJson([scrambled as PhraseRule]);
    expect(text.startsWith('{\n  "format": "seatdesk-phrase-rules",\n  "version": 1,\n  "rules": [\n    {\n      "id": "X-1",\n')).toBe(true);
    expect(text.endsWith('\n  ]\n}\n')).toBe(true);
    const parsed = JSON.parse(text) as { rules: object[] };
    expect(Object.keys(parsed.rules[0]!)).toEqual(Object.keys(phraseRuleShape.shape));
  });
});

describe('exportRulebookCsv', () => {
  it('writes a BOM, the header in schema order, CRLF records and escaped cells', () => {
    const rule: PhraseRule = {
      id: 'Q-1',
      phrases: ['say "no"', 'a|b', 'c\\d'],
      category: 'service',
      severity: 'warn',
      exceptions: [],
      suggestions: ['x, y'],
      enabled: false,
      note: 'n\\|',
    };
    expect(exportRulebookCsv([rule])).toBe(
      '\uFEFFid,phrases,category,severity,exceptions,suggestions,enabled,note\r\n' +
        'Q-1,"say ""no""|a\\|b|c\\\\d",service,warn,,"x, y",false,n\\|\r\n',
    );
    expect('id,phrases,category,severity,exceptions,suggestions,enabled,note').toBe(Object.keys(phraseRuleShape.shape).join(','));
  });

  it('quotes a cell with a line break or a space at either end', () => {
    const rule = { ...awkwardRules[1]!, note: 'a\nb', suggestions: [' lead'] };
    expect(exportRulebookCsv([rule]).split('\r\n')[1]).toBe('2,😀 smile,regulatory,warn,," lead",true,"a\nb"');
  });
});

describe.each([
  ['JSON', exportRulebookJson, parseRulebookJson],
  ['CSV', exportRulebookCsv, parseRulebookCsv],
] as const)('%s round trip', (_format, exportRulebook, parseRulebook) => {
  it('reads back the default rulebook exactly and re-exports the same text', () => {
    const text = exportRulebook(defaultRulebook);
    const rules = rulesOf(parseRulebook(text));
    expect(rules).toEqual(defaultRulebook);
    expect(rules).toHaveLength(20);
    expect(exportRulebook(rules)).toBe(text);
  });

  it('reads back awkward text exactly: commas, quotes, |, \\, line breaks, full-width punctuation, emoji', () => {
    for (const rule of awkwardRules) expect(phraseRuleSchema.parse(rule)).toEqual(rule);
    const text = exportRulebook(awkwardRules);
    const rules = rulesOf(parseRulebook(text));
    expect(rules).toEqual(awkwardRules);
    expect(exportRulebook(rules)).toBe(text);
  });

  it('accepts the file without its BOM, with LF or CRLF line ends', () => {
    const text = exportRulebook(defaultRulebook.slice(0, 3)).replace('\uFEFF', '');
    expect(rulesOf(parseRulebook(text.replaceAll('\r\n', '\n')))).toEqual(defaultRulebook.slice(0, 3));
    expect(rulesOf(parseRulebook(`\uFEFF${text.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')}`))).toEqual(
      defaultRulebook.slice(0, 3),
    );
  });

  it('refuses an empty file and a file over 20 MB', () => {
    expect(problemsOf(parseRulebook(''))).toEqual([{ line: 1, message: 'The file is empty.' }]);
    expect(problemsOf(parseRulebook('\uFEFF \r\n'))).toEqual([{ line: 1, message: 'The file is empty.' }]);
    // 7 million characters but 21 million UTF-8 bytes.
    const tooLarge = exportRulebook(defaultRulebook) + '汉'.repeat(rulebookFileMaxBytes / 3 + 1);
    expect(problemsOf(parseRulebook(tooLarge))).toEqual([{ line: 1, message: 'The file is larger than 20 MB.' }]);
  });
});

/** A JSON file with three bad rules (lines 15, 16 and 17) among good ones. */
const badJsonLines = [
  '{',
  '  "format": "seatdesk-phrase-rules",',
  '  "version": 1,',
  '  "rules": [',
  '    {',
  '      "id": "T-1",',
  '      "phrases": ["不管", "不知道"],',
  '      "category": "service",',
  '      "severity": "warn",',
  '      "exceptions": ["不管怎样"],',
  '      "suggestions": ["请您稍等"],',
  '      "enabled": true,',
  '      "note": ""',
  '    },',
  '    {"id": "T-2", "phrases": ["自己看着办"], "category": "service", "severity": "fatal", "exceptions": [], "suggestions": [], "enabled": true, "note": ""},',
  '    {"id": "T-1", "phrases": ["我没工夫"], "category": "service", "severity": "warn", "exceptions": [], "suggestions": [], "enabled": true, "note": ""},',
  '    {',
  '      "id": "T-4", "phrases": ["神经病"], "category": "rude", "severity": "block",',
  '      "exceptions": ["神经"], "suggestions": [], "enabled": false, "note": "exception is shorter"',
  '    }',
  '  ]',
  '}',
  '',
];

describe('parseRulebookJson', () => {
  it.each(['\n', '\r\n', '\r'])('reports every bad rule at the line of its "{" and imports nothing (line end %j)', (lineEnd) => {
    expect(problemsOf(parseRulebookJson(badJsonLines.join(lineEnd)))).toEqual([
      { line: 15, message: expect.stringMatching(/^severity: .*"warn"\|"block"/) },
      { line: 16, message: 'id: Rule ID "T-1" is used twice (first on line 5).' },
      { line: 17, message: `exceptions item 1: "神经" must be longer than one of the rule's phrases and contain it.` },
    ]);
  });

  it('imports the same file once the bad rules are fixed', () => {
    const fixed = badJsonLines
      .join('\n')
      .replace('"fatal"', '"block"')
      .replace('"id": "T-1", "phrases": ["我没工夫"]', '"id": "T-3", "phrases": ["我没工夫"]')
      .replace('["神经"]', '["神经病学"]');
    expect(rulesOf(parseRulebookJson(fixed)).map((rule) => rule.id)).toEqual(['T-1', 'T-2', 'T-3', 'T-4']);
  });

  it.each([
    ['a missing comma between rules', (text: string) => text.replace('    },\n    {"id": "T-2"', '    }\n    {"id": "T-2"'), 15, 'expected "," or "]", found "{"'],
    ['a trailing comma', (text: string) => text.replace('"note": "exception is shorter"\n    }', '"note": "exception is shorter"\n    },'), 21, 'trailing comma'],
    ['a quote missing', (text: string) => text.replace('"id": "T-4"', '"id": "T-4'), 18, 'expected "," or "}", found "p"'],
    ['a line break inside a string', (text: string) => text.replace('"exception is shorter"', '"exception\nis shorter"'), 19, 'line break'],
    ['a repeated field', (text: string) => text.replace('"enabled": false,', '"enabled": false, "enabled": true,'), 19, 'the field "enabled" appears twice'],
    ['text after the data', (text: string) => `${text}\n]`, 24, 'after the end of the JSON data'],
    ['a file cut short', (text: string) => text.slice(0, text.indexOf('"exceptions": ["不管怎样"]')), 10, 'expected a quoted field name, found end of file'],
  ])('reports %s as a syntax error at its line', (_case, damage, line, message) => {
    expect(problemsOf(parseRulebookJson(damage(badJsonLines.join('\n'))))).toEqual([
      { line, message: expect.stringContaining(message) },
    ]);
  });

  it('reports a string never closed at the line where it opens', () => {
    const text = '{\n  "format": "seatdesk-phrase-rules",\n  "version": 1,\n  "rules": [\n    {"id": "T-1\n';
    expect(problemsOf(parseRulebookJson(text))).toEqual([{ line: 5, message: 'JSON syntax error: a line break or control character inside a string (write a line break as \\n).' }]);
    expect(problemsOf(parseRulebookJson('{\n"format": "seatdesk-phrase-rules', ))).toEqual([
      { line: 2, message: 'JSON syntax error: a string that is never closed.' },
    ]);
  });

  it('refuses files of another format or a newer version, and reports unknown fields', () => {
    expect(problemsOf(parseRulebookJson('[]'))).toEqual([{ line: 1, message: expect.stringContaining('Not a Seatdesk phrase rules file') }]);
    expect(problemsOf(parseRulebookJson('{\n"format": "other", "version": 1, "rules": []}'))).toEqual([
      { line: 2, message: expect.stringContaining('Not a Seatdesk phrase rules file') },
    ]);
    expect(problemsOf(parseRulebookJson('{"format": "seatdesk-phrase-rules",\n\n"version": 2, "rules": []}'))).toEqual([
      { line: 3, message: expect.stringContaining('written by a newer Seatdesk (rules file version 2)') },
    ]);
    expect(problemsOf(parseRulebookJson('{"format": "seatdesk-phrase-rules", "version": "1", "rules": []}'))).toEqual([
      { line: 1, message: '"version" must be 1.' },
    ]);
    expect(problemsOf(parseRulebookJson('{"format": "seatdesk-phrase-rules", "version": 1,\n"rules": {}}'))).toEqual([
      { line: 2, message: '"rules" must be a list of rules.' },
    ]);
    expect(problemsOf(parseRulebookJson(badJsonLines.join('\n').replace('"version": 1,', '"version": 1,\n"comment": "x",')))).toEqual([
      { line: 4, message: expect.stringContaining('Unknown field "comment"') },
      { line: 16, message: expect.stringContaining('severity: ') },
      { line: 17, message: expect.stringContaining('is used twice') },
      { line: 18, message: expect.stringContaining('exceptions item 1: ') },
    ]);
  });

  it('refuses a file without rules, and rules that are not rule objects', () => {
    expect(problemsOf(parseRulebookJson('{"format": "seatdesk-phrase-rules", "version": 1,\n"rules": []}\n'))).toEqual([
      { line: 2, message: 'The file has no rules.' },
    ]);
    const text = '{"format": "seatdesk-phrase-rules", "version": 1, "rules": [\n"SL-01",\n{"__proto__": {}, "id": "A"}\n]}';
    expect(problemsOf(parseRulebookJson(text))).toEqual([
      { line: 2, message: expect.stringContaining('expected object') },
      { line: 3, message: expect.stringContaining('phrases: ') },
      { line: 3, message: expect.stringContaining('category: ') },
      { line: 3, message: expect.stringContaining('severity: ') },
      { line: 3, message: expect.stringContaining('exceptions: ') },
      { line: 3, message: expect.stringContaining('suggestions: ') },
      { line: 3, message: expect.stringContaining('enabled: ') },
      { line: 3, message: expect.stringContaining('note: ') },
      { line: 3, message: 'Unrecognized key: "__proto__"' },
    ]);
  });

  it('reads escapes as JSON.parse does', () => {
    const rule: PhraseRule = { ...awkwardRules[1]!, note: 'tab\there \u2028 \ud83d lone \u0000 nul / slash end' };
    const text = exportRulebookJson([rule]).replace('slash', '\\/slash\\u0041\\b\\f');
    expect(rulesOf(parseRulebookJson(text))).toEqual([{ ...rule, note: `${rule.note.replace('slash', '/slashA\b\f')}` }]);
    expect(rulesOf(parseRulebookJson(text))).toEqual((JSON.parse(text) as { rules: PhraseRule[] }).rules);
  });
});

/** A CSV file with five bad rows among good ones; quoted notes span lines. */
const badCsvLines = [
  'id,phrases,category,severity,exceptions,suggestions,enabled,note',
  'T-1,不管|不知道,service,warn,不管怎样,请您稍等,true,"two',
  'lines"',
  'T-2,自己看着办,service,fatal,,,true,',
  'T-1,我没工夫,service,warn,,,yes,',
  '',
  'T-4,神经病,rude,block,神经,,否,"a ""quoted"", multi',
  'line',
  'note"',
  'T-5,滚蛋,rude,block,,,maybe,',
  'T-6,笨蛋,rude,block,,,true',
  ',,,,,,,',
  'T-7,混蛋,Rude,BLOCK,,,No,',
  '',
];

describe('parseRulebookCsv', () => {
  it.each(['\n', '\r\n', '\r'])('reports every bad row at the line where its record starts and imports nothing (line end %j)', (lineEnd) => {
    expect(problemsOf(parseRulebookCsv(`\uFEFF${badCsvLines.join(lineEnd)}`))).toEqual([
      { line: 4, message: expect.stringMatching(/^severity: .*"warn"\|"block"/) },
      { line: 5, message: 'id: Rule ID "T-1" is used twice (first on line 2).' },
      { line: 7, message: `exceptions item 1: "神经" must be longer than one of the rule's phrases and contain it.` },
      { line: 10, message: 'enabled: expected true or false (or 1/0, yes/no, 是/否), found "maybe".' },
      { line: 11, message: 'This row has 7 cells; the header has 8.' },
    ]);
  });

  it('imports the same file once the bad rows are fixed: enabled words, case, empty lists, blank rows', () => {
    const fixed = badCsvLines
      .join('\r\n')
      .replace(',fatal,', ',block,')
      .replace('T-1,我没工夫', 'T-3,我没工夫')
      .replace(',神经,', ',神经病学|神经病变,')
      .replace(',maybe,', ',0,')
      .replace('T-6,笨蛋,rude,block,,,true', 'T-6,笨蛋,rude,block,,,TRUE,');
    const rules = rulesOf(parseRulebookCsv(fixed));
    expect(rules.map((rule) => [rule.id, rule.enabled])).toEqual([
      ['T-1', true],
      ['T-2', true],
      ['T-3', true],
      ['T-4', false],
      ['T-5', false],
      ['T-6', true],
      ['T-7', false],
    ]);
    expect(rules[0]).toEqual({
      id: 'T-1',
      phrases: ['不管', '不知道'],
      category: 'service',
      severity: 'warn',
      exceptions: ['不管怎样'],
      suggestions: ['请您稍等'],
      enabled: true,
      note: 'two\r\nlines',
    });
    expect(rules[3]?.note).toBe('a "quoted", multi\r\nline\r\nnote');
    expect(rules[3]?.exceptions).toEqual(['神经病学', '神经病变']);
    expect(rules[6]).toMatchObject({ category: 'rude', severity: 'block', exceptions: [], suggestions: [] });
  });

  it('accepts the columns in any order and any case', () => {
    const text = 'NOTE,Enabled,suggestions,exceptions,severity,category,phrases,ID\n,是,,,warn,service,不管,A-1\n';
    expect(rulesOf(parseRulebookCsv(text))).toEqual([
      { id: 'A-1', phrases: ['不管'], category: 'service', severity: 'warn', exceptions: [], suggestions: [], enabled: true, note: '' },
    ]);
  });

  it.each([
    ['an unknown column', 'id,phrases,category,severity,exceptions,suggestions,enabled,note,owner', ['Unknown column "owner"']],
    ['a missing column', 'id,phrases,category,severity,exceptions,suggestions,note', ['The column "enabled" is missing']],
    ['a repeated column', 'id,id,phrases,category,severity,exceptions,suggestions,enabled,note', ['The column "id" appears twice']],
    ['semicolons', 'id;phrases;category;severity;exceptions;suggestions;enabled;note', ['separated by commas']],
    ['no header', 'SL-01,不管,service,warn,,,true,', ['Unknown column "sl-01"', 'Unknown column "不管"']],
  ])('refuses a header with %s at line 1', (_case, header, messages) => {
    const problems = problemsOf(parseRulebookCsv(`${header}\r\nA-1,不管,service,warn,,,true,\r\n`));
    expect(problems.every((problem) => problem.line === 1)).toBe(true);
    for (const message of messages) expect(problems.some((problem) => problem.message.includes(message))).toBe(true);
  });

  it('refuses a file with a header but no rules', () => {
    expect(problemsOf(parseRulebookCsv('id,phrases,category,severity,exceptions,suggestions,enabled,note\r\n\r\n'))).toEqual([
      { line: 1, message: 'The file has no rules.' },
    ]);
  });

  it.each([
    ['a quoted cell never closed', 'A-2,不管,service,warn,,,true,"note\nmore\n', 3, 'a quoted cell that is never closed'],
    ['a quote inside an unquoted cell', 'A-2,say "no",service,warn,,,true,\n', 3, 'a quote inside a cell that does not start with one'],
    ['text after a closing quote', 'A-2,"x\n"y,service,warn,,,true,\n', 4, 'text after a closing quote'],
  ])('reports %s as a syntax error at its line', (_case, row, line, message) => {
    const text = `id,phrases,category,severity,exceptions,suggestions,enabled,note\nA-1,不管,service,warn,,,true,\n${row}`;
    expect(problemsOf(parseRulebookCsv(text))).toEqual([{ line, message: expect.stringContaining(`CSV syntax error: ${message}`) }]);
  });
});
