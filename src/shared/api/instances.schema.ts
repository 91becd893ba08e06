import { z } from 'zod';
import { Uuid } from './common.schema.ts';
import { PACKAGE_KINDS } from '../instances/packages.ts';
import { line } from './text.ts';

// Sealed packages between Lantern instances (docs/instances.md).

const B64URL = /^[A-Za-z0-9_-]+$/;
const key32 = (what: string) =>
  z
    .string()
    .regex(B64URL, { message: 'must be base64url' })
    .length(43, { message: 'must be a 32-byte key in base64url (43 characters)' })
    .meta({ description: `${what}, 32 bytes, base64url without padding` });

export const SafetyNumber = z.string().meta({
  description:
    'The fingerprint as 60 digits in 12 groups of 5 (read aloud to verify a partner); spaces and hyphens are ignored',
  example: '05124 88213 40017 99231 55310 07702 41982 60213 77410 33291 04418 92105',
});

/** The public card of an instance: the file a partner imports, verified by its fingerprint. */
export const InstanceCard = z
  .object({
    format: z.literal('lantern-instance-card'),
    version: z.literal(1),
    instanceId: Uuid,
    name: z.string().meta({ description: 'The instance’s name (informational, not verified)' }),
    signingKey: key32('Ed25519 public key (RFC 8032)'),
    encryptionKey: key32('X25519 public key (RFC 7748)'),
    fingerprint: SafetyNumber,
  })
  .meta({ id: 'InstanceCard' });
export type InstanceCard = z.infer<typeof InstanceCard>;

export const PartnerCreateBody = z.strictObject({
  card: InstanceCard.meta({ description: 'The partner’s card, as its GET /instance/identity' }),
  fingerprint: line(100)
    .pipe(z.string().min(1, { message: 'is required' }))
    .meta({
      description:
        'The fingerprint as the partner read it aloud (phone or in person), never copied from the card file: a mismatch is refused',
    }),
  name: line(200)
    .pipe(z.string().min(1, { message: 'must not be empty' }))
    .optional()
    .meta({ description: 'How this organisation calls the partner; default: the card’s name' }),
});
export type PartnerCreateBody = z.infer<typeof PartnerCreateBody>;
export type PartnerCreateInput = z.input<typeof PartnerCreateBody>;

export const PartnerUpdateBody = z.strictObject({
  name: line(200).pipe(z.string().min(1, { message: 'must not be empty' })),
  version: z.number().int().min(1).meta({ description: 'The version read (optimistic locking)' }),
});
export type PartnerUpdateBody = z.infer<typeof PartnerUpdateBody>;

export const Partner = z
  .object({
    id: Uuid,
    name: z.string(),
    instanceId: Uuid,
    signingKey: z.string(),
    encryptionKey: z.string(),
    fingerprint: SafetyNumber,
    verifiedAt: z.iso.datetime(),
    verifiedBy: z
      .object({ id: Uuid, displayName: z.string() })
      .nullable()
      .meta({ description: 'null: the instance’s operator, on the command line' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'Partner' });
export type Partner = z.infer<typeof Partner>;

export const PartnerList = z.object({ items: z.array(Partner) }).meta({ id: 'PartnerList' });
export type PartnerList = z.infer<typeof PartnerList>;

export const ServicePartnerBody = z.strictObject({
  partnerId: Uuid.meta({ description: 'A verified partner of your organisation' }),
  remoteServiceId: Uuid.meta({ description: 'The service’s id in the partner’s directory' }),
});
export type ServicePartnerBody = z.infer<typeof ServicePartnerBody>;

export const ServicePartnerLink = z
  .object({
    serviceId: Uuid,
    partnerId: Uuid.nullable(),
    remoteServiceId: Uuid.nullable(),
  })
  .meta({ id: 'ServicePartnerLink' });
export type ServicePartnerLink = z.infer<typeof ServicePartnerLink>;

/** A sealed package as it travels (the file): header, ciphertext and signature, all public. */
export const LanternPackage = z
  .object({
    format: z.literal('lantern-package'),
    version: z.literal(1),
    kind: z.enum(PACKAGE_KINDS),
    id: z.string().meta({ description: '128 random bits, base64url' }),
    createdAt: z.string().meta({ description: 'ISO 8601 UTC with milliseconds' }),
    sender: z.object({ instanceId: Uuid, signingKey: z.string(), encryptionKey: z.string() }),
    recipient: z.object({
      instanceId: Uuid,
      fingerprint: z.string().meta({ description: 'SHA-256 fingerprint, base64url' }),
    }),
    ephemeralKey: z.string().meta({ description: 'One-time X25519 public key, base64url' }),
    nonce: z.string().meta({ description: 'AES-256-GCM nonce, 12 bytes, base64url' }),
    ciphertext: z.string().meta({ description: 'AES-256-GCM ciphertext and tag, base64url' }),
    signature: z.string().meta({ description: 'Ed25519 signature, base64url' }),
  })
  .meta({ id: 'LanternPackage' });
export type LanternPackageJson = z.infer<typeof LanternPackage>;

/**
 * The import body: any JSON object. The package is read by its own parser, which names the
 * first check that fails (format, version, recipient, sender, signature, age, replay,
 * decryption) rather than a schema path.
 */
export const PackageImportBody = z.record(z.string(), z.unknown()).meta({
  description: 'A LanternPackage file’s JSON, as exported by the sending instance',
});

export const PackageImportResult = z
  .object({
    kind: z.enum(PACKAGE_KINDS),
    packageId: z.string(),
    partnerId: Uuid,
    referralId: Uuid.meta({
      description:
        'The referral here: created (referral), answered (reply) or withdrawn (withdrawal)',
    }),
    reference: z.string(),
    status: z.string().meta({ description: 'The referral’s status after the import' }),
    applied: z.array(z.string()).meta({
      description:
        'Reply or withdrawal: the lifecycle actions applied here, in order (empty: it had them all already)',
    }),
  })
  .meta({ id: 'PackageImportResult' });
export type PackageImportResult = z.infer<typeof PackageImportResult>;
