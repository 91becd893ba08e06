import type { z } from 'zod';
import type { Role } from '../../shared/api/auth.schema.ts';
import type {
  Organisation as OrganisationSchema,
  PasswordReset,
  User,
  UserCreated as UserCreatedSchema,
  UserList,
} from '../../shared/api/users.schema.ts';
import { request } from './client.ts';

export type Organisation = z.infer<typeof OrganisationSchema>;
export type UserCreated = z.infer<typeof UserCreatedSchema>;

export interface UserChanges {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

export const usersApi = {
  list: () => request<z.infer<typeof UserList>>('GET', '/users'),
  create: (body: { email: string; displayName: string; role: Role }) =>
    request<UserCreated>('POST', '/users', body),
  update: (id: string, changes: UserChanges) =>
    request<User>('PATCH', `/users/${encodeURIComponent(id)}`, changes),
  resetPassword: (id: string) =>
    request<z.infer<typeof PasswordReset>>(
      'POST',
      `/users/${encodeURIComponent(id)}/reset-password`,
      {},
    ),
};

export const organisationApi = {
  get: () => request<Organisation>('GET', '/organisation'),
  update: (changes: { name?: string; requireTotp?: boolean }) =>
    request<Organisation>('PATCH', '/organisation', changes),
};
