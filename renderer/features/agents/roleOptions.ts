import { roles, type Role } from '../../../common/roles';
import { roleMessageKeys } from '../../components/RoleTag';
import type { Translate } from '../../i18n/translate';

/** The roles as options of a select, localized. */
export function roleOptions(translate: Translate): { value: Role; label: string }[] {
  return roles.map((role) => ({ value: role, label: translate(roleMessageKeys[role]) }));
}
