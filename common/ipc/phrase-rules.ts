import { z } from 'zod';
import { phraseCategories, phraseRuleIdSchema, phraseRuleShape, phraseRuleSchema, phraseSeverities } from '../phrase-engine/rulebook';
import { rulebookFileMaxBytes } from '../phrase-engine/rulebook-io';
import { defineChannel } from './channel';

/** Formats a rulebook is imported from and exported to. */
export const rulebookFormats = ['json', 'csv'] as const;
/** One of {@link rulebookFormats}. */
export type RulebookFormat = (typeof rulebookFormats)[number];

/** `replace`: the file becomes the rulebook; `merge`: same ID updates, a new ID is added. */
export const rulebookImportModes = ['replace', 'merge'] as const;

/** Problems of a refused import sent back at most (a broken 100,000-row file need not list them all). */
export const rulebookImportProblemLimit = 200;

/** Longest sentence the admin's "test a sentence" box checks. */
export const phraseTestTextLimit = 20_000;

const rulesResponse = z.object({ rules: z.array(phraseRuleShape) });

/** One hit of a tested sentence, with what the rule suggests saying instead. */
export const phraseTestHitSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(phraseSeverities),
  category: z.enum(phraseCategories),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  suggestions: z.array(z.string()),
});

/** A problem of an imported file, at a 1-based line. */
export const rulebookImportProblemSchema = z.object({ line: z.number().int(), message: z.string() });

/** What the desk needs of each rule to warn: its severity and what to say instead. */
export const phraseRuleAdviceSchema = z.object({
  id: z.string(),
  severity: z.enum(phraseSeverities),
  suggestions: z.array(z.string()),
});

/** Channels of the banned-phrase rulebook. */
export const phraseRulesChannels = {
  /**
   * The compiled rulebook every desk checks typed text with: the serialised tables (base64) and
   * each rule's advice. With the revision the caller already has, only the revision comes back.
   */
  compiled: defineChannel({
    access: 'signedIn',
    request: z.strictObject({ knownRevision: z.string().max(64).optional() }),
    response: z.object({
      revision: z.string(),
      tables: z.string().optional(),
      advice: z.array(phraseRuleAdviceSchema).optional(),
    }),
  }),
  /** Every rule, in display order. */
  list: defineChannel({ access: ['admin', 'team_lead'], request: z.strictObject({}), response: rulesResponse }),
  /** Adds a rule at the end; audited. */
  create: defineChannel({
    access: ['admin'],
    request: z.strictObject({ rule: phraseRuleSchema }),
    response: z.object({ rule: phraseRuleShape }),
  }),
  /** Replaces the rule with the same ID; audited with the fields that changed. */
  update: defineChannel({
    access: ['admin'],
    request: z.strictObject({ rule: phraseRuleSchema }),
    response: z.object({ rule: phraseRuleShape }),
  }),
  /** Deletes a rule; audited with what it was. */
  remove: defineChannel({ access: ['admin'], request: z.strictObject({ id: phraseRuleIdSchema }), response: z.object({}) }),
  /**
   * Checks a sentence against the rulebook; with `draft`, against the rulebook as it would be
   * with that rule saved (enabled), so an admin can try a rule before saving it.
   */
  test: defineChannel({
    access: ['admin', 'team_lead'],
    request: z.strictObject({ text: z.string().max(phraseTestTextLimit), draft: phraseRuleSchema.optional() }),
    response: z.object({ hits: z.array(phraseTestHitSchema) }),
  }),
  /** Imports a JSON or CSV file; a file with any bad row imports nothing and lists every problem. Audited. */
  import: defineChannel({
    access: ['admin'],
    request: z.strictObject({
      format: z.enum(rulebookFormats),
      mode: z.enum(rulebookImportModes),
      // A file's character count never exceeds its UTF-8 size, so the parser's byte limit gives the clear message.
      content: z.string().max(rulebookFileMaxBytes),
    }),
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), added: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
      z.object({ imported: z.literal(false), problems: z.array(rulebookImportProblemSchema), moreProblems: z.number().int() }),
    ]),
  }),
  /** The rulebook as a JSON or CSV file; audited. */
  export: defineChannel({
    access: ['admin', 'team_lead'],
    request: z.strictObject({ format: z.enum(rulebookFormats) }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  }),
};
