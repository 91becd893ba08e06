import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Which webhook URLs Lantern will call. A webhook makes the server send requests to a URL an
 * administrator typed: without limits it could reach the instance's own database port, a cloud
 * metadata service (169.254.169.254) or other hosts of the private network (server-side request
 * forgery, OWASP SSRF Prevention Cheat Sheet). So by default only public addresses are called;
 * on-premise deployments whose receiver sits on the private network opt in with
 * LANTERN_WEBHOOK_ALLOW_PRIVATE=1 (README, docs/notifications.md).
 *
 * The check is made twice: on the URL when it is saved (a literal address, `localhost`), and on
 * every address the host name resolves to when a delivery is sent (a public name may resolve to
 * a private address, or change between the two: DNS rebinding).
 */
export interface UrlPolicy {
  allowPrivate: boolean;
}

export type UrlProblem = 'invalid' | 'scheme' | 'credentials' | 'fragment' | 'private_address';

const PROBLEM_TEXT: Record<UrlProblem, string> = {
  invalid: 'must be an absolute URL',
  scheme: 'must use http or https',
  credentials: 'must not contain a user name or password',
  fragment: 'must not contain a fragment (#…)',
  private_address:
    'points to a loopback, private or link-local address (allowed only with LANTERN_WEBHOOK_ALLOW_PRIVATE=1)',
};

export const urlProblemText = (p: UrlProblem): string => PROBLEM_TEXT[p];

const v4ToInt = (ip: string): number =>
  ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;

// Special-purpose IPv4 blocks not reachable on the public internet (IANA IPv4 Special-Purpose
// Address Registry, RFC 6890), plus multicast and reserved space.
const V4_BLOCKS: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function privateV4(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_BLOCKS.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (n & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0;
  });
}

/** Expands an IPv6 address to its eight 16-bit groups. */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = v4ToInt(v4[1]!);
    s = s.slice(0, -v4[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g || '0', 16));
}

function privateV6(ip: string): boolean {
  const g = v6Groups(ip);
  const first = g[0]!;
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96): judge the IPv4 address inside.
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const nat64 = first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (mapped || nat64) {
    return privateV4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  }
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xff00) === 0xff00 || // ff00::/8 multicast
    (first === 0x2001 && g[1] === 0x0db8) // 2001:db8::/32 documentation
  );
}

/** True for an address that is not a public unicast internet address. */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return privateV4(ip);
  if (kind === 6) return privateV6(ip);
  return true; // not an address at all: refuse rather than guess
}

const stripBrackets = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** The first problem with `raw` as a webhook URL, or null when it may be saved. */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.hash !== '' || raw.includes('#')) return 'fragment';
  if (!url.hostname) return 'invalid';
  if (!policy.allowPrivate) {
    const host = stripBrackets(url.hostname).toLowerCase().replace(/\.$/, '');
    // RFC 6761 §6.3: localhost names always resolve to loopback.
    if (host === 'localhost' || host.endsWith('.localhost')) return 'private_address';
    if (isIP(host) && isPrivateAddress(host)) return 'private_address';
  }
  return null;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor() {
    super('the host resolves to a loopback, private or link-local address');
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http(s) that refuses private addresses at connection time (the address
 * actually connected to, so a rebinding name cannot slip through after the URL was checked).
 */
export function guardedLookup(policy: UrlPolicy) {
  return (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: LookupCallback,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses;
      if (!policy.allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        return callback(new PrivateAddressError(), []);
      }
      if ((options as LookupAllOptions).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error('no address'), []);
      callback(null, first.address, first.family);
    });
  };
}
