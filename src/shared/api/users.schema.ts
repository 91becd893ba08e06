import { z } from 'zod';
import { Email, Role } from './auth.schema.ts';
import { Uuid } from './common.schema.ts';
import { line } from './text.ts';

export const User = z
  .object({
    id: Uuid,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    disabled: z.boolean(),
    totpEnabled: z.boolean(),
    locked: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User) });

export const UserCreateBody = z.strictObject({
  email: Email,
  displayName: line(120).pipe(z.string().min(1, { message: 'is required' })),
  role: Role,
});

export const UserCreated = z.object({
  user: User,
  oneTimePassword: z
    .string()
    .meta({ description: 'Shown once. The user must choose a new password at first sign-in.' }),
});

export const UserUpdateBody = z.strictObject({
  displayName: line(120).pipe(z.string().min(1)).optional(),
  role: Role.optional(),
  disabled: z.boolean().optional(),
});

export const PasswordReset = z.object({ oneTimePassword: z.string() });

export const Organisation = z
  .object({ id: Uuid, name: z.string(), requireTotp: z.boolean() })
  .meta({ id: 'Organisation' });

export const OrganisationUpdateBody = z.strictObject({
  name: line(200).pipe(z.string().min(1)).optional(),
  requireTotp: z.boolean().optional(),
});
