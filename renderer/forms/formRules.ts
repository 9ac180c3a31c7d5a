import { agentIdSchema, displayNameSchema, teamSchema } from '../../common/ipc/accounts';
import type { FormRule } from 'antd';
import { findPasswordProblem } from '../../common/password-policy';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { errorMessageKeys, passwordPolicyVariables, type Translate } from '../i18n/translate';

export { passwordPolicyVariables };

/** Longest agent ID, display name and team, read from the contract's own schemas. */
export const agentIdMaximumLength = agentIdSchema.maxLength ?? 16;
export const displayNameMaximumLength = displayNameSchema.maxLength ?? 40;
export const teamMaximumLength = teamSchema.maxLength ?? 40;
const agentIdPattern = /^[A-Za-z0-9_-]+$/;


/** A required text field; blank (spaces only) counts as empty. */
export function requiredRule(translate: Translate, field: MessageKey): FormRule {
  return { required: true, whitespace: true, message: translate('validation.required', { field: translate(field) }) };
}

function maximumLengthRule(translate: Translate, field: MessageKey, max: number): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      // UTF-16 units, as the contract's zod schema counts them.
      if (typeof value === 'string' && value.trim().length > max) {
        throw new Error(translate('validation.tooLong', { field: translate(field), max }));
      }
    },
  };
}

/** Agent ID (工号): the contract's format, checked before the round trip. */
export function agentIdRules(translate: Translate): FormRule[] {
  return [
    requiredRule(translate, 'field.agentId'),
    maximumLengthRule(translate, 'field.agentId', agentIdMaximumLength),
    {
      validator: async (_rule, value: unknown) => {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text !== '' && !agentIdPattern.test(text)) throw new Error(translate('validation.agentIdFormat'));
      },
    },
  ];
}

export function displayNameRules(translate: Translate): FormRule[] {
  return [
    requiredRule(translate, 'field.displayName'),
    maximumLengthRule(translate, 'field.displayName', displayNameMaximumLength),
  ];
}

export function teamRules(translate: Translate): FormRule[] {
  return [maximumLengthRule(translate, 'field.team', teamMaximumLength)];
}

export function roleRules(translate: Translate): FormRule[] {
  return [{ required: true, message: translate('validation.select', { field: translate('field.role') }) }];
}

/**
 * A password being chosen: the shared policy gives instant feedback, main enforces it again.
 * `agentId` reads the account's agent ID (from another field, or a fixed one).
 */
export function newPasswordRules(
  translate: Translate,
  field: MessageKey,
  agentId: (getFieldValue: (name: string) => unknown) => string,
): FormRule[] {
  return [
    { required: true, message: translate('validation.required', { field: translate(field) }) },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value === '') return;
        const problem = findPasswordProblem(value, agentId(getFieldValue));
        if (problem !== undefined) throw new Error(translate(errorMessageKeys[problem], passwordPolicyVariables));
      },
    }),
  ];
}

/** A database passphrase being chosen: the password policy, with its own message. */
export function newPassphraseRules(translate: Translate): FormRule[] {
  return [
    requiredRule(translate, 'field.databasePassphrase'),
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value === '') return;
        if (findPasswordProblem(value, '') !== undefined) {
          throw new Error(translate('error.PASSPHRASE_TOO_WEAK', passwordPolicyVariables));
        }
      },
    },
  ];
}

/** A confirmation field that must repeat `otherField` exactly. */
export function confirmationRules(
  translate: Translate,
  field: MessageKey,
  otherField: string,
  mismatch: MessageKey,
): FormRule[] {
  return [
    { required: true, message: translate('validation.required', { field: translate(field) }) },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (value === undefined || value === '' || value === getFieldValue(otherField)) return;
        throw new Error(translate(mismatch));
      },
    }),
  ];
}

/** A form value as trimmed text; empty when unset. */
export function trimmedText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
