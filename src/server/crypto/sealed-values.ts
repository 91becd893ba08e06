import { open, seal } from './aead.ts';
import type { OrgKeys } from './keyring.ts';

/**
 * Text and JSON values sealed under an organisation's key (AES-256-GCM, aead.ts). `aad` names
 * the record and field the value belongs to, so a ciphertext moved elsewhere fails to open.
 */
export const sealText = (keys: OrgKeys, aad: string, text: string): Buffer =>
  seal(keys.encryption, Buffer.from(text, 'utf8'), aad);

export const openText = (keys: OrgKeys, aad: string, sealed: Uint8Array): string =>
  open(keys.encryption, sealed, aad).toString('utf8');

export const sealJson = (keys: OrgKeys, aad: string, value: unknown): Buffer =>
  sealText(keys, aad, JSON.stringify(value));

export const openJson = <T>(keys: OrgKeys, aad: string, sealed: Uint8Array): T =>
  JSON.parse(openText(keys, aad, sealed)) as T;
