/**
 * Call-script templates: text with `{variable}` slots, e.g. `您好，{company}，工号 {agentId} 为您服务`.
 * A slot names one of {@link scriptVariables}; `{{` and `}}` write literal braces.
 */

/** The variables a script may use, in the order an editor lists them. */
export const scriptVariables = [
  'company',
  'hotline',
  'agentId',
  'customerTitle',
  'customerAddress',
  'timeOfDay',
  'ticketNumber',
] as const;

/** One of {@link scriptVariables}. */
export type ScriptVariable = (typeof scriptVariables)[number];

/** Values for a rendering; a variable without a value (or with a blank one) is missing. */
export type ScriptValues = Partial<Record<ScriptVariable, string | undefined>>;

/** A piece of a rendered template: literal text, or a variable with its value or marked missing. */
export type TemplatePart =
  | Readonly<{ kind: 'text'; text: string }>
  | Readonly<{ kind: 'variable'; name: ScriptVariable; value: string }>
  | Readonly<{ kind: 'missing'; name: ScriptVariable }>;

/** A problem in a template, at a character offset. */
export type TemplateProblem = Readonly<{ offset: number; message: string }>;

type Parsed = { parts: ({ kind: 'text'; text: string } | { kind: 'slot'; name: string; offset: number })[]; problems: TemplateProblem[] };

function parse(template: string): Parsed {
  const parts: Parsed['parts'] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let index = 0;
  while (index < template.length) {
    const character = template[index]!;
    if (character === '{' && template[index + 1] === '{') {
      text += '{';
      index += 2;
    } else if (character === '}' && template[index + 1] === '}') {
      text += '}';
      index += 2;
    } else if (character === '{') {
      const close = template.indexOf('}', index + 1);
      if (close < 0) {
        problems.push({ offset: index, message: 'A "{" is never closed; write "{{" for a literal brace.' });
        text += template.slice(index);
        break;
      }
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'slot', name: template.slice(index + 1, close).trim(), offset: index });
      index = close + 1;
    } else if (character === '}') {
      problems.push({ offset: index, message: 'A "}" closes nothing; write "}}" for a literal brace.' });
      text += '}';
      index++;
    } else {
      text += character;
      index++;
    }
  }
  if (text !== '') parts.push({ kind: 'text', text });
  for (const part of parts) {
    if (part.kind === 'slot' && !(scriptVariables as readonly string[]).includes(part.name)) {
      problems.push({ offset: part.offset, message: `"{${part.name}}" is not a script variable (${scriptVariables.join(', ')}).` });
    }
  }
  return { parts, problems };
}

/** What is wrong with a template (unknown variables, unbalanced braces); empty when it is fine. */
export function templateProblems(template: string): TemplateProblem[] {
  return parse(template).problems;
}

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): ScriptVariable[] {
  const names: ScriptVariable[] = [];
  for (const part of parse(template).parts) {
    if (part.kind === 'slot' && (scriptVariables as readonly string[]).includes(part.name) && !names.includes(part.name as ScriptVariable)) {
      names.push(part.name as ScriptVariable);
    }
  }
  return names;
}

/**
 * Renders a template into parts. A variable without a value comes out as `missing` (the UI shows
 * a visible placeholder, never "undefined"); an unknown slot is kept as its literal text.
 */
export function renderTemplate(template: string, values: ScriptValues): TemplatePart[] {
  const rendered: TemplatePart[] = [];
  const pushText = (text: string) => {
    const last = rendered.at(-1);
    if (last?.kind === 'text') rendered[rendered.length - 1] = { kind: 'text', text: last.text + text };
    else rendered.push({ kind: 'text', text });
  };
  for (const part of parse(template).parts) {
    if (part.kind === 'text') {
      pushText(part.text);
    } else if (!(scriptVariables as readonly string[]).includes(part.name)) {
      pushText(`{${part.name}}`);
    } else {
      const name = part.name as ScriptVariable;
      const value = values[name]?.trim();
      rendered.push(value === undefined || value === '' ? { kind: 'missing', name } : { kind: 'variable', name, value });
    }
  }
  return rendered;
}

/** The rendered text with each missing variable written as `placeholder(name)`. */
export function renderedText(parts: readonly TemplatePart[], placeholder: (name: ScriptVariable) => string): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : part.kind === 'variable' ? part.value : placeholder(part.name))).join('');
}
