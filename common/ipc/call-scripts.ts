import { z } from 'zod';
import { callScriptsFileMaxChars } from '../call-scripts/script-io';
import { callScriptSchema, scriptKinds } from '../call-scripts/script';
import { defineChannel } from './channel';

/** `replace`: the file becomes the scripts; `merge`: same ID replaces, a new ID is added at the end. */
export const callScriptImportModes = ['merge', 'replace'] as const;
/** One of {@link callScriptImportModes}. */
export type CallScriptImportMode = (typeof callScriptImportModes)[number];

/** Problems of a refused import sent back at most. */
export const callScriptImportProblemLimit = 100;

/** A script ID as a request names one (the script schema's ID rule). */
export const callScriptIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and "-", starting with a letter')
  .max(40);

/**
 * A stored script as main sends it: the fields of `callScriptSchema` (the same output type),
 * without its checks, so a script stored under older rules still reaches the desk.
 */
export const storedCallScriptSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(scriptKinds),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      template: z.string(),
      required: z.boolean(),
      targetSeconds: z.number().int().nullable(),
    }),
  ),
});

/** A problem of an imported file: where (a JSON path, '' for the whole file) and what. */
export const callScriptImportProblemSchema = z.object({ where: z.string(), message: z.string() });

/** Channels of the call scripts (话术脚本). */
export const callScriptsChannels = {
  /** Every script in display order; every signed-in desk reads them (the call panel shows them). */
  list: defineChannel({
    access: 'signedIn',
    request: z.strictObject({}),
    response: z.object({ scripts: z.array(storedCallScriptSchema) }),
  }),
  /**
   * Saves one script; administrators only; audited (`callScript.create` / `callScript.update`).
   * Without `previousId` the script with the same ID is replaced, or the script is added at the
   * end. With `previousId` (the ID before an edit, which may rename it) that script is replaced
   * in place: `CALL_SCRIPT_NOT_FOUND` if it is gone, `CALL_SCRIPT_EXISTS` if the new ID is
   * another script's. `CALL_SCRIPT_LAST_OF_KIND` if the change of kind would leave a kind
   * without a script.
   */
  save: defineChannel({
    access: ['admin'],
    request: z.strictObject({ script: callScriptSchema, previousId: callScriptIdSchema.optional() }),
    response: z.object({ script: storedCallScriptSchema, created: z.boolean() }),
  }),
  /**
   * Deletes a script; administrators only; audited. `CALL_SCRIPT_NOT_FOUND` for an unknown ID,
   * `CALL_SCRIPT_LAST_OF_KIND` for the only script of its kind.
   */
  remove: defineChannel({ access: ['admin'], request: z.strictObject({ id: callScriptIdSchema }), response: z.object({}) }),
  /**
   * Imports a JSON file (`{"version": 1, "scripts": [...]}` or a list of scripts); the whole file
   * is checked first and a file with any problem (or leaving a kind without a script) imports
   * nothing and lists the problems. Audited either way.
   */
  import: defineChannel({
    access: ['admin'],
    request: z.strictObject({ mode: z.enum(callScriptImportModes), content: z.string().max(callScriptsFileMaxChars) }),
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), added: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
      z.object({ imported: z.literal(false), problems: z.array(callScriptImportProblemSchema), moreProblems: z.number().int() }),
    ]),
  }),
  /** Every script as a JSON file that `import` reads back; team leads and administrators; audited. */
  export: defineChannel({
    access: ['admin', 'team_lead'],
    request: z.strictObject({}),
    response: z.object({ fileName: z.string(), content: z.string() }),
  }),
};
