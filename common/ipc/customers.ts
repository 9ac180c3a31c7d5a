import { z } from 'zod';
import { defineChannel } from './channel';

/** The kinds of exact identifiers a customer can be found by. There is no name or partial search. */
export const customerIdentifierKinds = ['phone', 'accountNumber', 'idNumber'] as const;

/** ID document types. */
export const idTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

/** One of {@link idTypes}. */
export type IdType = (typeof idTypes)[number];

/** Genders, for the polite form of address (先生 / 女士). */
export const genders = ['male', 'female'] as const;

/** One of {@link genders}. */
export type Gender = (typeof genders)[number];

/** Fields that are masked unless revealed (one at a time, with a reason) or opened with approval. */
export const protectedFields = ['name', 'phone', 'idNumber', 'address', 'accountNumber'] as const;

/** One of {@link protectedFields}. */
export type ProtectedField = (typeof protectedFields)[number];

/** Why someone reveals a field or asks for approval; the text says more. */
export const accessReasonCodes = [
  'verify_identity',
  'call_back',
  'complaint_handling',
  'service_request',
  'other',
] as const;

/** A protected value as it crosses IPC: masked text unless revealed. */
export const protectedTextSchema = z.object({ text: z.string(), masked: z.boolean() });

/** A customer as a view shows it: masked by main, unless a reveal or a full-file grant is active. */
export const customerViewSchema = z.object({
  id: z.number().int(),
  name: protectedTextSchema,
  gender: z.enum(genders).nullable(),
  phones: z.array(protectedTextSchema),
  idType: z.enum(idTypes),
  idNumber: protectedTextSchema,
  address: protectedTextSchema,
  accountNumbers: z.array(protectedTextSchema),
  createdAt: z.string(),
  /** True while an approved full-file grant shows everything unmasked. */
  fullFile: z.boolean(),
  /** When that grant ends (the page closes the file then); null for a masked view. */
  fullFileUntil: z.string().nullable(),
  notes: z.array(z.object({ id: z.number().int(), authorAgentId: z.string(), body: z.string(), createdAt: z.string() })),
});

/** A customer view. */
export type CustomerView = z.infer<typeof customerViewSchema>;

/** One search hit: masked name and first phone only. */
export const customerHitSchema = z.object({ id: z.number().int(), name: z.string(), phone: z.string() });

const customerIdSchema = z.number().int().positive();
const reasonTextSchema = z.string().trim().min(2).max(200);
const phoneInputSchema = z.string().trim().regex(/^[+\d][\d\s-]{5,23}$/, 'a phone number');
const viewResponse = z.object({ customer: customerViewSchema });

/** Channels of customer records; masking and access checks happen in main. */
export const customersChannels = {
  /** Exact search by phone, account number or ID number (normalised); at most 20 masked hits. */
  find: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({
      kind: z.enum(customerIdentifierKinds),
      value: z.string().trim().min(4).max(40),
    }),
    response: z.object({ customers: z.array(customerHitSchema) }),
  }),
  /** Opens a customer found in this session (or created here); masked. Closes the previous view. */
  view: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ customerId: customerIdSchema }),
    response: viewResponse,
  }),
  /** Ends the open view: its reveals end with it. */
  closeView: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({}),
    response: z.object({}),
  }),
  /** Reveals one field of the open customer until the view ends; needs a reason; audited. */
  reveal: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      customerId: customerIdSchema,
      field: z.enum(protectedFields),
      index: z.number().int().min(0).max(19).default(0),
      reasonCode: z.enum(accessReasonCodes),
      reasonText: reasonTextSchema,
    }),
    response: z.object({ customer: customerViewSchema, value: z.string() }),
  }),
  /** Records a new customer (a new caller or visitor) and opens it. */
  create: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      fullName: z.string().trim().min(1).max(40),
      gender: z.enum(genders).nullable(),
      phones: z.array(phoneInputSchema).min(1).max(5),
      idType: z.enum(idTypes),
      idNumber: z.string().trim().max(40),
      address: z.string().trim().max(200),
      accountNumbers: z.array(z.string().trim().regex(/^[0-9A-Za-z -]{4,40}$/, 'an account number')).max(5),
    }),
    response: viewResponse,
  }),
  /** Adds a contact note to the open customer. */
  addNote: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ customerId: customerIdSchema, body: z.string().trim().min(1).max(4000) }),
    response: viewResponse,
  }),
  /** Opens the full, unmasked file; needs the caller's approved, unexpired full-file grant. */
  openFullFile: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({ customerId: customerIdSchema }),
    response: viewResponse,
  }),
  /** Exports the full record as CSV; consumes an approved export grant; audited with the fields. */
  export: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({ customerId: customerIdSchema, approvalId: z.number().int().positive() }),
    response: z.object({ fileName: z.string(), mimeType: z.literal('text/csv'), content: z.string() }),
  }),
  /** The full record as a printable sheet; consumes an approved print grant; audited. */
  print: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({ customerId: customerIdSchema, approvalId: z.number().int().positive() }),
    response: z.object({
      title: z.string(),
      rows: z.array(z.object({ label: z.string(), value: z.string() })),
      printedBy: z.string(),
      printedAt: z.string(),
    }),
  }),
};
