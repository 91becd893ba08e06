import { z } from 'zod';
import { Uuid } from './common.schema.ts';

export const ROLES = ['admin', 'supervisor', 'caseworker', 'analyst', 'provider'] as const;
export const Role = z.enum(ROLES).meta({
  description:
    'admin: manages users and settings; supervisor: oversees and approves casework; caseworker: registers and manages cases; analyst: de-identified figures only; provider: receives referrals',
});
export type Role = z.infer<typeof Role>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }));

/** Password policy after NIST SP 800-63B §5.1.1.2: length over composition rules. */
export const NewPassword = z
  .string()
  .min(12, { message: 'must be at least 12 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const TotpCode = z.string().regex(/^\d{6}$/, { message: 'must be 6 digits' });

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(1024),
  totp: TotpCode.optional(),
});

export const SessionUser = z
  .object({
    id: Uuid,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    orgId: Uuid,
    orgName: z.string(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    totpEnrollmentRequired: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z
  .object({ csrfToken: z.string(), user: SessionUser })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPassword,
});

export const TotpSetupResponse = z.object({
  secret: z.string().meta({ description: 'Base32 secret, shown once' }),
  otpauthUrl: z.string(),
});

export const TotpConfirmBody = z.strictObject({ code: TotpCode });
export const TotpDisableBody = z.strictObject({ password: z.string().min(1).max(1024) });
