import type { PersonInput } from '../../shared/api/cases.schema.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { blindIndex } from '../crypto/keyring.ts';
import { openJson, sealJson } from '../crypto/sealed-values.ts';

/** The identifying part of a person: stored only as one AES-256-GCM ciphertext. */
export interface PersonIdentity {
  givenName: string;
  familyName: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  documentNumber: string | null;
  address: string | null;
}

export const IDENTITY_FIELDS = [
  'givenName',
  'familyName',
  'aliases',
  'dateOfBirth',
  'phone',
  'email',
  'documentNumber',
  'address',
] as const satisfies readonly (keyof PersonIdentity)[];

export function identityOf(p: PersonInput): PersonIdentity {
  return {
    givenName: p.givenName,
    familyName: p.familyName || null,
    aliases: p.aliases ?? [],
    dateOfBirth: p.dateOfBirth ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    documentNumber: p.documentNumber ?? null,
    address: p.address ?? null,
  };
}

/** Names of the identity fields that hold a value: what an audit entry records, never values. */
export const presentFields = (id: PersonIdentity): string[] =>
  IDENTITY_FIELDS.filter((f) => {
    const v = id[f];
    return Array.isArray(v) ? v.length > 0 : v !== null;
  });

// The ciphertext is bound to its person: swapping two persons' ciphertexts fails to decrypt.
const aad = (personId: string) => `person:${personId}`;

export const sealIdentity = (keys: OrgKeys, personId: string, id: PersonIdentity): Buffer =>
  sealJson(keys, aad(personId), id);

export const openIdentity = (keys: OrgKeys, personId: string, sealed: Uint8Array): PersonIdentity =>
  openJson<PersonIdentity>(keys, aad(personId), sealed);

const fullName = (given: string, family: string | null | undefined) =>
  family ? `${given} ${family}` : given;

export interface BlindIndexes {
  name: Buffer;
  given: Buffer;
  dob: Buffer | null;
  document: Buffer | null;
}

/** Keyed HMAC blind indexes for exact look-ups by full name, given name, birth date, document. */
export function blindIndexesOf(keys: OrgKeys, id: PersonIdentity): BlindIndexes {
  const k = keys.blindIndex;
  return {
    name: blindIndex(k, 'name', fullName(id.givenName, id.familyName)),
    given: blindIndex(k, 'given', id.givenName),
    dob: id.dateOfBirth ? blindIndex(k, 'dob', id.dateOfBirth) : null,
    document: id.documentNumber ? blindIndex(k, 'document', id.documentNumber) : null,
  };
}

export const nameIndex = (keys: OrgKeys, given: string, family?: string) =>
  blindIndex(keys.blindIndex, 'name', fullName(given, family));
export const dobIndex = (keys: OrgKeys, dob: string) => blindIndex(keys.blindIndex, 'dob', dob);
