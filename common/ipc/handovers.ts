import { z } from 'zod';
import { isLocalDate } from '../deadline-calendar/zoned-time';
import { ticketCategories } from '../tickets/categories';
import { ticketStatuses } from '../tickets/workflow';
import { agentIdSchema, teamSchema } from './accounts';
import { defineChannel } from './channel';

/** The shifts of a day (早班 / 中班 / 晚班 / 夜班); a night shift is dated by the day it starts. */
export const handoverShifts = ['morning', 'middle', 'evening', 'night'] as const;

/** One of {@link handoverShifts}. */
export type HandoverShift = (typeof handoverShifts)[number];

/** How the team's equipment was left: all working, or with problems the note describes. */
export const equipmentStates = ['normal', 'problems'] as const;

/** One of {@link equipmentStates}. */
export type EquipmentState = (typeof equipmentStates)[number];

/** The longest text of each free-text field of an entry, in UTF-16 units after trimming. */
export const handoverTextLimits = {
  equipmentNote: 500,
  openIssues: 2000,
  staffingChanges: 1000,
  notes: 2000,
} as const;

/** The free-text fields of an entry; at least one of them must say something. */
export const handoverTextFields = ['equipmentNote', 'openIssues', 'staffingChanges', 'notes'] as const;

/** One of {@link handoverTextFields}. */
export type HandoverTextField = (typeof handoverTextFields)[number];

/** Most tickets one entry links. */
export const handoverTicketLimit = 20;

/** The longest note an acknowledging lead adds. */
export const acknowledgmentNoteLimit = 200;

/** The longest search text. */
export const handoverSearchTextLimit = 100;

/** Most entries one page of the history holds. */
export const handoverPageSizeLimit = 50;

/**
 * A ticket number as the desk gives them out (`GD20261122-0003`; past 9,999 a day a fifth
 * digit). Typed in any case, with spaces around: read as the desk writes it.
 */
export const ticketNumberPattern = /^GD\d{8}-\d{4,5}$/;

const ticketNumberSchema = z.string().trim().toUpperCase().regex(ticketNumberPattern, 'a ticket number such as GD20261122-0003');

const localDateSchema = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');

/** Whether any of an entry's free-text fields says something (blank counts as nothing). */
export function handoverHasText(entry: Readonly<Partial<Record<HandoverTextField, string>>>): boolean {
  return handoverTextFields.some((field) => (entry[field] ?? '').trim() !== '');
}

/** What the outgoing lead writes. Linked tickets are checked in main (they must exist and be the team's). */
export const handoverInputSchema = z
  .strictObject({
    shiftDate: localDateSchema,
    shift: z.enum(handoverShifts),
    equipmentState: z.enum(equipmentStates),
    equipmentNote: z.string().trim().max(handoverTextLimits.equipmentNote).default(''),
    openIssues: z.string().trim().max(handoverTextLimits.openIssues).default(''),
    ticketNumbers: z.array(ticketNumberSchema).max(handoverTicketLimit).default([]),
    staffingChanges: z.string().trim().max(handoverTextLimits.staffingChanges).default(''),
    notes: z.string().trim().max(handoverTextLimits.notes).default(''),
    /** The earlier entry this one corrects (entries are never edited). */
    correctsId: z.number().int().positive().optional(),
  })
  .superRefine((entry, context) => {
    if (!handoverHasText(entry)) context.addIssue({ code: 'custom', path: [], message: 'Write at least one of the equipment note, open issues, staffing changes or notes.' });
    if (entry.equipmentState === 'problems' && entry.equipmentNote === '') {
      context.addIssue({ code: 'custom', path: ['equipmentNote'], message: 'Say what is wrong with the equipment.' });
    }
  });

/** An entry as the outgoing lead writes it. */
export type HandoverInput = z.infer<typeof handoverInputSchema>;

/** A linked ticket as it stands now. */
export const linkedTicketSchema = z.object({
  number: z.string(),
  status: z.enum(ticketStatuses),
  category: z.enum(ticketCategories),
});

/** A linked ticket view. */
export type LinkedTicket = z.infer<typeof linkedTicketSchema>;

const personSchema = z.object({ agentId: z.string(), displayName: z.string() });

/** An entry of the handover log as the desk shows it: free text masked like notes. */
export const handoverViewSchema = z.object({
  id: z.number().int(),
  team: z.string(),
  shiftDate: z.string(),
  shift: z.enum(handoverShifts),
  equipmentState: z.enum(equipmentStates),
  equipmentNote: z.string(),
  openIssues: z.string(),
  tickets: z.array(linkedTicketSchema),
  staffingChanges: z.string(),
  notes: z.string(),
  correctsId: z.number().int().nullable(),
  author: personSchema,
  writtenAt: z.string(),
  acknowledgment: z.object({ by: personSchema, at: z.string(), note: z.string() }).nullable(),
  /** Whether the caller may acknowledge it (a lead of its team other than its author, not yet acknowledged). */
  canAcknowledge: z.boolean(),
});

/** A handover entry view. */
export type HandoverView = z.infer<typeof handoverViewSchema>;

const entryResponse = z.object({ entry: handoverViewSchema });

/** Channels of the shift handover log (交接班). Entries are never edited or deleted. */
export const handoversChannels = {
  /**
   * The outgoing lead writes an entry for their team: the shift, the equipment, difficult open
   * issues with linked tickets (each must exist and be the team's: `HANDOVER_TICKET_NOT_FOUND`,
   * `HANDOVER_TICKET_OTHER_TEAM`), staffing changes and notes. `HANDOVER_NO_TEAM` for a lead
   * without a team, `HANDOVER_SHIFT_IN_FUTURE` for a shift after today. Audited (`handover.write`).
   */
  write: defineChannel({
    access: ['team_lead'],
    request: handoverInputSchema,
    response: entryResponse,
  }),
  /** A ticket the lead means to link, with its status and category, checked as `write` checks it. */
  lookupTicket: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({ number: ticketNumberSchema }),
    response: z.object({ ticket: linkedTicketSchema }),
  }),
  /**
   * The incoming lead (a lead of the entry's team, never its author) acknowledges an entry once,
   * optionally with a note: `HANDOVER_NOT_FOUND`, `HANDOVER_OWN_ENTRY`,
   * `HANDOVER_ALREADY_ACKNOWLEDGED`. Audited (`handover.acknowledge`).
   */
  acknowledge: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({
      handoverId: z.number().int().positive(),
      note: z.string().trim().max(acknowledgmentNoteLimit).default(''),
    }),
    response: entryResponse,
  }),
  /**
   * The history, newest first, a page at a time: text (over every free-text field, the
   * acknowledgment note and linked ticket numbers, as shown: masked), shift dates from–to, author,
   * unacknowledged only. Team leads read their team's log; administrators every team's (or one
   * `team`). Also how many of those entries wait for acknowledgment, the authors and the teams.
   */
  search: defineChannel({
    access: ['team_lead', 'admin'],
    request: z
      .strictObject({
        text: z.string().trim().max(handoverSearchTextLimit).default(''),
        from: localDateSchema.optional(),
        to: localDateSchema.optional(),
        authorAgentId: agentIdSchema.optional(),
        team: teamSchema.optional(),
        unacknowledgedOnly: z.boolean().default(false),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(handoverPageSizeLimit).default(20),
      })
      .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
        path: ['to'],
        message: 'The last day cannot come before the first.',
      }),
    response: z.object({
      entries: z.array(handoverViewSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      /** Entries of the teams searched that nobody acknowledged yet, whatever the other filters. */
      unacknowledged: z.number().int(),
      /** Everyone who wrote an entry of the teams searched, for the author filter. */
      authors: z.array(personSchema),
      /** The teams whose log the caller reads. */
      teams: z.array(z.string()),
      /** Today in the desk's time zone (the newest shift date an entry may have). */
      today: z.string(),
    }),
  }),
};
