import { Tag } from 'antd';
import type { Role } from '../../common/roles';
import type { MessageKey } from '../i18n/messages.zh-CN';
import { useT } from '../i18n/translate';

/** Every role's label; typed so that a new role without a label fails typecheck. */
export const roleMessageKeys: Record<Role, MessageKey> = {
  agent: 'role.agent',
  team_lead: 'role.team_lead',
  admin: 'role.admin',
};

const roleColors: Record<Role, string> = {
  agent: 'blue',
  team_lead: 'cyan',
  admin: 'gold',
};

/** A role as a coloured, localized tag. */
export function RoleTag({ role, testId }: { role: Role; testId?: string }) {
  const translate = useT();
  return (
    <Tag color={roleColors[role]} data-testid={testId} data-role={role}>
      {translate(roleMessageKeys[role])}
    </Tag>
  );
}
