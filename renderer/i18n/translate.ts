import { useCallback } from 'react';
import type { ErrorCode } from '../../common/ipc/result';
import { maximumPasswordLength, minimumPasswordLength } from '../../common/password-policy';
import { messagesByLocale, type Locale } from './locales';
import type { MessageKey } from './messages.zh-CN';
import { useI18nStore } from './useI18nStore';

/** Values substituted for `{name}` placeholders. */
export type MessageVariables = Readonly<Record<string, string | number>>;

/** A bound translation function, as returned by {@link useT}. */
export type Translate = (key: MessageKey, variables?: MessageVariables) => string;

/** Every error code's message; typed so that a new code without a message fails typecheck. */
export const errorMessageKeys: Record<ErrorCode, MessageKey> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  UNKNOWN_CHANNEL: 'error.UNKNOWN_CHANNEL',
  FORBIDDEN_SENDER: 'error.FORBIDDEN_SENDER',
  NOT_SIGNED_IN: 'error.NOT_SIGNED_IN',
  FORBIDDEN_ROLE: 'error.FORBIDDEN_ROLE',
  PASSWORD_CHANGE_REQUIRED: 'error.PASSWORD_CHANGE_REQUIRED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  ACCOUNT_DISABLED: 'error.ACCOUNT_DISABLED',
  SETUP_ALREADY_DONE: 'error.SETUP_ALREADY_DONE',
  SETUP_REQUIRED: 'error.SETUP_REQUIRED',
  STORE_LOCKED: 'error.STORE_LOCKED',
  STORE_ALREADY_OPEN: 'error.STORE_ALREADY_OPEN',
  STORE_UNAVAILABLE: 'error.STORE_UNAVAILABLE',
  WRONG_PASSPHRASE: 'error.WRONG_PASSPHRASE',
  PASSPHRASE_REQUIRED: 'error.PASSPHRASE_REQUIRED',
  PASSPHRASE_TOO_WEAK: 'error.PASSPHRASE_TOO_WEAK',
  AGENT_ID_TAKEN: 'error.AGENT_ID_TAKEN',
  ACCOUNT_NOT_FOUND: 'error.ACCOUNT_NOT_FOUND',
  PASSWORD_TOO_SHORT: 'error.PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'error.PASSWORD_TOO_LONG',
  PASSWORD_TOO_COMMON: 'error.PASSWORD_TOO_COMMON',
  PASSWORD_CONTAINS_AGENT_ID: 'error.PASSWORD_CONTAINS_AGENT_ID',
  PASSWORD_UNCHANGED: 'error.PASSWORD_UNCHANGED',
  CANNOT_CHANGE_OWN_ACCOUNT: 'error.CANNOT_CHANGE_OWN_ACCOUNT',
  LAST_ADMIN: 'error.LAST_ADMIN',
  LOCKED: 'error.LOCKED',
  ACCOUNT_LOCKED_OUT: 'error.ACCOUNT_LOCKED_OUT',
  CUSTOMER_NOT_FOUND: 'error.CUSTOMER_NOT_FOUND',
  CUSTOMER_NOT_ACCESSIBLE: 'error.CUSTOMER_NOT_ACCESSIBLE',
  NO_OPEN_VIEW: 'error.NO_OPEN_VIEW',
  APPROVAL_REQUIRED: 'error.APPROVAL_REQUIRED',
  APPROVAL_NOT_FOUND: 'error.APPROVAL_NOT_FOUND',
  APPROVAL_ALREADY_DECIDED: 'error.APPROVAL_ALREADY_DECIDED',
  SELF_APPROVAL: 'error.SELF_APPROVAL',
  AUDIT_TOO_YOUNG: 'error.AUDIT_TOO_YOUNG',
  AUDIT_CHAIN_BROKEN: 'error.AUDIT_CHAIN_BROKEN',
  AUDIT_NOTHING_TO_ARCHIVE: 'error.AUDIT_NOTHING_TO_ARCHIVE',
  AUDIT_EXPORT_TOO_LARGE: 'error.AUDIT_EXPORT_TOO_LARGE',
  VERIFICATION_NOT_FOUND: 'error.VERIFICATION_NOT_FOUND',
  PHRASE_RULE_EXISTS: 'error.PHRASE_RULE_EXISTS',
  PHRASE_RULE_NOT_FOUND: 'error.PHRASE_RULE_NOT_FOUND',
  PHRASE_BLOCKED: 'error.PHRASE_BLOCKED',
  KNOWLEDGE_ANSWER_NOT_FOUND: 'error.KNOWLEDGE_ANSWER_NOT_FOUND',
  CALL_SCRIPT_NOT_FOUND: 'error.CALL_SCRIPT_NOT_FOUND',
  CALL_SCRIPT_EXISTS: 'error.CALL_SCRIPT_EXISTS',
  CALL_SCRIPT_LAST_OF_KIND: 'error.CALL_SCRIPT_LAST_OF_KIND',
  CALL_NOT_FOUND: 'error.CALL_NOT_FOUND',
  CALL_IN_PROGRESS: 'error.CALL_IN_PROGRESS',
  TICKET_NOT_FOUND: 'error.TICKET_NOT_FOUND',
  TICKET_ILLEGAL_TRANSITION: 'error.TICKET_ILLEGAL_TRANSITION',
  TICKET_CALLBACK_REQUIRED: 'error.TICKET_CALLBACK_REQUIRED',
  TICKET_CALLBACK_ATTEMPTS_NEEDED: 'error.TICKET_CALLBACK_ATTEMPTS_NEEDED',
  TICKET_DETAILS_MISSING: 'error.TICKET_DETAILS_MISSING',
  CALENDAR_YEAR_INVALID: 'error.CALENDAR_YEAR_INVALID',
  CALENDAR_YEAR_NOT_FOUND: 'error.CALENDAR_YEAR_NOT_FOUND',
  QUALITY_OWN_CALL: 'error.QUALITY_OWN_CALL',
  QUALITY_ALREADY_SCORED: 'error.QUALITY_ALREADY_SCORED',
  QUALITY_SCORECARD_NOT_FOUND: 'error.QUALITY_SCORECARD_NOT_FOUND',
  QUALITY_ALREADY_APPEALED: 'error.QUALITY_ALREADY_APPEALED',
  QUALITY_APPEAL_NOT_PENDING: 'error.QUALITY_APPEAL_NOT_PENDING',
  QUALITY_SCORE_UNCHANGED: 'error.QUALITY_SCORE_UNCHANGED',
  QUALITY_NO_UNSCORED_CALL: 'error.QUALITY_NO_UNSCORED_CALL',
  HANDOVER_NO_TEAM: 'error.HANDOVER_NO_TEAM',
  HANDOVER_SHIFT_IN_FUTURE: 'error.HANDOVER_SHIFT_IN_FUTURE',
  HANDOVER_TICKET_NOT_FOUND: 'error.HANDOVER_TICKET_NOT_FOUND',
  HANDOVER_TICKET_OTHER_TEAM: 'error.HANDOVER_TICKET_OTHER_TEAM',
  HANDOVER_NOT_FOUND: 'error.HANDOVER_NOT_FOUND',
  HANDOVER_OWN_ENTRY: 'error.HANDOVER_OWN_ENTRY',
  HANDOVER_ALREADY_ACKNOWLEDGED: 'error.HANDOVER_ALREADY_ACKNOWLEDGED',
  DATE_RANGE_INVALID: 'error.DATE_RANGE_INVALID',
  INTERNAL_ERROR: 'error.INTERNAL_ERROR',
};

/** Placeholders of the password-policy messages ({min}, {max}). */
export const passwordPolicyVariables: MessageVariables = {
  min: minimumPasswordLength,
  max: maximumPasswordLength,
};

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
function interpolate(text: string, variables?: MessageVariables): string {
  if (variables === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = variables[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** Translates a key into the given language. */
export function translate(locale: Locale, key: MessageKey, variables?: MessageVariables): string {
  return interpolate(messagesByLocale[locale][key], variables);
}

/** Translates a key into the current language (outside React, or in event handlers). */
export function t(key: MessageKey, variables?: MessageVariables): string {
  return translate(useI18nStore.getState().locale, key, variables);
}

/** The localized sentence for an error code, in the current language. */
export function errorMessage(code: ErrorCode): string {
  return t(errorMessageKeys[code], passwordPolicyVariables);
}

/** A translation function that re-renders its component when the language changes. */
export function useT(): Translate {
  const locale = useI18nStore((state) => state.locale);
  return useCallback(
    (key: MessageKey, variables?: MessageVariables) => translate(locale, key, variables),
    [locale],
  );
}

/** Like {@link errorMessage}, re-rendering its component when the language changes. */
export function useErrorMessage(): (code: ErrorCode) => string {
  const translateKey = useT();
  return useCallback(
    (code: ErrorCode) => translateKey(errorMessageKeys[code], passwordPolicyVariables),
    [translateKey],
  );
}
