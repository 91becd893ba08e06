import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/api/users.schema.ts';

/** Short words for a user's state: active or disabled, locked, two-factor, password pending. */
export function UserStateBadges({ user }: { user: User }) {
  const { t } = useTranslation();
  const badges = [
    user.disabled ? t('admin.users.disabled') : t('admin.users.active'),
    user.locked ? t('admin.users.locked') : null,
    user.totpEnabled ? t('admin.users.totpOn') : t('admin.users.totpOff'),
    user.mustChangePassword ? t('admin.users.mustChangePassword') : null,
  ].filter((b): b is string => b !== null);
  return (
    <ul className="badges">
      {badges.map((b) => (
        <li key={b} className="badge">
          {b}
        </li>
      ))}
    </ul>
  );
}
