import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/auth.schema.ts';
import type { User } from '../../../shared/api/users.schema.ts';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { ROLE_LIST } from '../../session/permissions.ts';

interface Props {
  user: User;
  disabled: boolean;
  onChange: (role: Role) => void;
}

/** The role of one user as a <select> named after the user; a change is saved at once. */
export function UserRoleCell({ user, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  return (
    <select
      aria-label={t('admin.users.roleOf', { name: user.displayName })}
      value={user.role}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Role)}
    >
      {ROLE_LIST.map((r) => (
        <option key={r} value={r}>
          {labels.role(r)}
        </option>
      ))}
    </select>
  );
}
