import type { z } from 'zod';
import type { SessionResponse, TotpSetupResponse } from '../../shared/api/auth.schema.ts';
import { request } from './client.ts';

export type TotpSetup = z.infer<typeof TotpSetupResponse>;

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export const authApi = {
  login: (body: Credentials) =>
    request<SessionResponse>('POST', '/auth/login', body, { reportSessionProblems: false }),
  session: () =>
    request<SessionResponse>('GET', '/auth/session', undefined, { reportSessionProblems: false }),
  logout: () => request<void>('POST', '/auth/logout', {}, { reportSessionProblems: false }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/auth/password', { currentPassword, newPassword }),
  totpSetup: () => request<TotpSetup>('POST', '/auth/totp/setup', {}),
  totpConfirm: (code: string) => request<void>('POST', '/auth/totp/confirm', { code }),
  totpDisable: (password: string) => request<void>('POST', '/auth/totp/disable', { password }),
};
