import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { OneTimePasswordPanel, type OneTimePassword } from './OneTimePasswordPanel.tsx';
import { OrganisationSettings } from './OrganisationSettings.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserTable } from './UserTable.tsx';
import { usersApi } from '../../api/users-api.ts';
import { useResource } from '../../lib/use-resource.ts';

/** /admin/users (admins only): organisation settings, new users, and the user list. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useResource('users', usersApi.list);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  return (
    <>
      <PageHeading title={t('admin.title')} />
      {secret && <OneTimePasswordPanel secret={secret} onDismiss={() => setSecret(null)} />}
      <OrganisationSettings />
      <CreateUserForm
        onCreated={(created) => {
          setSecret({ email: created.user.email, password: created.oneTimePassword });
          users.reload();
        }}
      />
      <UserTable
        state={users.state}
        onChanged={users.reload}
        onPasswordReset={(email, password) => setSecret({ email, password })}
      />
    </>
  );
}
