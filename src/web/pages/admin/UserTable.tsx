import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { UserList } from '../../../shared/api/users.schema.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import type { Resource } from '../../lib/use-resource.ts';
import { UserRow } from './UserRow.tsx';

interface Props {
  state: Resource<z.infer<typeof UserList>>;
  onChanged: () => void;
  onPasswordReset: (email: string, password: string) => void;
}

/** Every user of the organisation, with role, state and the actions on each. */
export function UserTable({ state, onChanged, onPasswordReset }: Props) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users.heading')}</h2>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={errorMessage(t, state.error)} />}
      {state.status === 'ready' && (
        <table className="stack-table users-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.fields.displayName')}</th>
              <th scope="col">{t('admin.fields.email')}</th>
              <th scope="col">{t('admin.fields.role')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                onChanged={onChanged}
                onPasswordReset={(password) => onPasswordReset(user.email, password)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
