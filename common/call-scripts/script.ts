import { z } from 'zod';
import { templateProblems } from './template';

/** Which conversation a script guides: a phone call, a visit at the counter, or a call-back (回访). */
export const scriptKinds = ['phone', 'counter', 'callback'] as const;
/** One of {@link scriptKinds}. */
export type ScriptKind = (typeof scriptKinds)[number];

const templateSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .superRefine((template, context) => {
    for (const problem of templateProblems(template)) context.addIssue({ code: 'custom', message: problem.message });
  });

/** One step of a script: what to say, whether it must be done, and how long it should take. */
export const scriptStepSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and "-", starting with a letter')
    .max(40),
  title: z.string().trim().min(1).max(40),
  template: templateSchema,
  required: z.boolean(),
  /** Seconds the step should take at most (the brief's 3-minute rule), or null. */
  targetSeconds: z.number().int().min(5).max(3600).nullable(),
});

/** One step of a script. */
export type ScriptStep = z.infer<typeof scriptStepSchema>;

/** A call script: ordered steps, step IDs unique. */
export const callScriptSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and "-", starting with a letter')
      .max(40),
    name: z.string().trim().min(1).max(60),
    kind: z.enum(scriptKinds),
    steps: z.array(scriptStepSchema).min(1).max(30),
  })
  .superRefine((script, context) => {
    const seen = new Set<string>();
    script.steps.forEach((step, index) => {
      if (seen.has(step.id)) context.addIssue({ code: 'custom', message: `Step ID "${step.id}" is used twice.`, path: ['steps', index, 'id'] });
      seen.add(step.id);
    });
  });

/** A call script. */
export type CallScript = z.infer<typeof callScriptSchema>;
