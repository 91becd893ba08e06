import type {
  InstanceCard,
  LanternPackageJson,
  Partner,
  PartnerCreateInput,
  PartnerList,
  PackageImportResult,
} from '../../shared/api/instances.schema.ts';
import type { PackageKind } from '../../shared/instances/packages.ts';
import { request } from './client.ts';

export type { InstanceCard, LanternPackageJson, Partner, PackageImportResult, PackageKind };

const referral = (id: string, tail: string) => `/referrals/${encodeURIComponent(id)}/${tail}`;

/** Where each kind of package of a referral is exported (docs/instances.md, "API"). */
const EXPORT_PATH: Record<PackageKind, string> = {
  referral: 'package',
  reply: 'reply-package',
  withdrawal: 'withdrawal-package',
};

/** This instance's identity and its partner instances (docs/instances.md). */
export const instancesApi = {
  card: () => request<InstanceCard>('GET', '/instance/identity'),
  partners: () => request<PartnerList>('GET', '/partners'),
  addPartner: (body: PartnerCreateInput) => request<Partner>('POST', '/partners', body),
  removePartner: (id: string) => request<void>('DELETE', `/partners/${encodeURIComponent(id)}`),
  /** A sealed package of a referral; each call makes a new one (a new id, audited). */
  exportPackage: (referralId: string, kind: PackageKind) =>
    request<LanternPackageJson>('GET', referral(referralId, EXPORT_PATH[kind])),
  importPackage: (pkg: unknown) => request<PackageImportResult>('POST', '/referral-packages', pkg),
};

/** Offers JSON to the user as a file download (nothing is kept in the page or in storage). */
export function saveJsonFile(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the click has started the download; the object URL is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A safe file name part: letters, digits and hyphens only (a reference, an instance name). */
export const fileNamePart = (s: string): string =>
  s.replace(/[^A-Za-z0-9-]+/g, '_').replace(/^_+|_+$/g, '') || 'lantern';
