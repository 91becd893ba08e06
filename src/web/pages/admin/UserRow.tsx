import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/api/users.schema.ts';
import { usersApi, type UserChanges } from '../../api/users-api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useUser } from '../../session/session-context.ts';
import { ResetPasswordAction } from './ResetPasswordAction.tsx';
import { UserRoleCell } from './UserRoleCell.tsx';
import { UserStateBadges } from './UserStateBadges.tsx';

interface Props {
  user: User;
  onChanged: () => void;
  onPasswordReset: (oneTimePassword: string) => void;
}

/** One user: role (changed in place), state, enable/disable and password reset. */
export function UserRow({ user, onChanged, onPasswordReset }: Props) {
  const { t } = useTranslation();
  const me = useUser();
  const self = me.id === user.id;
  const [error, setError] = useState<string | null>(null);
  const name = user.displayName;

  const change = async (changes: UserChanges) => {
    setError(null);
    try {
      await usersApi.update(user.id, changes);
      onChanged();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  return (
    <tr>
      <th scope="row" data-label={t('admin.fields.displayName')}>
        <span>
          <bdi>{name}</bdi>
          {self && <span className="muted"> {t('admin.users.you')}</span>}
        </span>
      </th>
      <td data-label={t('admin.fields.email')}>
        <bdi dir="ltr">{user.email}</bdi>
      </td>
      <td data-label={t('admin.fields.role')}>
        <UserRoleCell user={user} disabled={self} onChange={(role) => void change({ role })} />
      </td>
      <td data-label={t('admin.users.state')}>
        <UserStateBadges user={user} />
      </td>
      <td data-label={t('admin.users.actions')}>
        <div>
          <div className="row-actions">
            {!self && (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t(
                  user.disabled ? 'admin.users.enableUser' : 'admin.users.disableUser',
                  {
                    name,
                  },
                )}
                onClick={() => void change({ disabled: !user.disabled })}
              >
                {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
              </button>
            )}
            <ResetPasswordAction user={user} onReset={onPasswordReset} onError={setError} />
          </div>
          {error && (
            <p role="alert" className="field__error">
              {error}
            </p>
          )}
        </div>
      </td>
    </tr>
  );
}
