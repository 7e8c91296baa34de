import { BlockList, isIP } from 'node:net';

/**
 * Who the client is, from the socket's address, `X-Forwarded-For` and
 * `TRUST_PROXY`. Our own server (scripts/start.ts) works it out per request and
 * hands it to the app in `clientAddressHeader`, after deleting any copy the
 * client sent; lib/http/client-ip.ts reads it back.
 */
export const clientAddressHeader = 'x-aula-client-address';

/**
 * Which `X-Forwarded-For` entries to believe:
 * - `none` (the default): none at all, the socket's address is the client;
 * - `hops`: that many proxies stand in front, each appending the address it was
 *   reached from, so the client is the entry that many places from the right of
 *   `X-Forwarded-For` + the socket;
 * - `proxies`: these addresses and ranges are ours; walking from the right, the
 *   first address that is not one of them is the client.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'proxies'; list: BlockList };

const maxHops = 10;

/**
 * An address as written by a socket or a proxy, reduced to a plain IP:
 * `[2001:db8::1]:443` → `2001:db8::1`, `192.0.2.1:8080` → `192.0.2.1`,
 * `::ffff:192.0.2.1` → `192.0.2.1`. Anything else is not an address.
 */
export function normalizeAddress(raw: string | undefined): string | undefined {
  let value = raw?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%[\w.-]*$/, ''); // an IPv6 zone ("fe80::1%eth0")
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : undefined;
}

function subnetOf(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [rawAddress, rawPrefix, extra] = entry.split('/');
  const address = normalizeAddress(rawAddress);
  if (!address || extra !== undefined) return undefined;
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const bits = family === 'ipv4' ? 32 : 128;
  if (rawPrefix === undefined) return { address, prefix: bits, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > bits) return undefined;
  return { address, prefix: Number(rawPrefix), family };
}

/** TRUST_PROXY as written: empty, `false` or `0` → none; a number → hops; else a comma-separated list of addresses and CIDR ranges. */
export function parseTrustProxy(text: string | undefined): TrustProxy | { error: string } {
  const value = text?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= maxHops ? { kind: 'hops', hops } : { error: `must be at most ${maxHops} proxies` };
  }
  const list = new BlockList();
  for (const entry of value.split(',').map((part) => part.trim())) {
    const subnet = subnetOf(entry);
    if (!subnet) return { error: `"${entry.slice(0, 60)}" is not an address or a CIDR range: use a number of proxies (1) or addresses and ranges (127.0.0.1, 10.0.0.0/8)` };
    list.addSubnet(subnet.address, subnet.prefix, subnet.family);
  }
  return { kind: 'proxies', list };
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address. The chain is `X-Forwarded-For`'s entries followed by
 * the socket's address, and it is read from the right, where our own proxies
 * wrote; we never step onto an entry that is not an address (only a client
 * writes those), so whatever a client puts in the header, it cannot choose the
 * answer unless TRUST_PROXY says its own hop is a proxy.
 */
export function clientAddressOf({ socket, forwardedFor, trust }: { socket: string | undefined; forwardedFor: string | string[] | undefined; trust: TrustProxy }): string {
  const own = normalizeAddress(socket);
  if (!own) return 'unknown'; // the socket closed already: nothing to answer anyway
  if (trust.kind === 'none') return own;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [...header.split(',').filter((entry) => entry.trim() !== ''), own];
  let index = chain.length - 1;
  const canStepLeft = () => index > 0 && normalizeAddress(chain[index - 1]) !== undefined;
  if (trust.kind === 'hops') {
    for (let hop = 0; hop < trust.hops && canStepLeft(); hop++) index--;
  } else {
    while (isTrusted(trust.list, normalizeAddress(chain[index]) ?? own) && canStepLeft()) index--;
  }
  return normalizeAddress(chain[index]) ?? own;
}

/** The groups 2001:db8:0:0 of an IPv6 address's first 64 bits. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  // An IPv4 tail ("::ffff:1.2.3.4") is in the last 32 bits, past the prefix; count it as two groups.
  const count = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const left = part(head);
  const right = part(tail);
  const groups = address.includes('::') ? [...left, ...Array(8 - count(left) - count(right)).fill('0'), ...right] : left;
  return groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':');
}

/**
 * What per-address limits count by: an IPv4 address, or an IPv6 address's /64
 * (one home network or server gets a whole /64, so counting single IPv6
 * addresses would let one client rotate through 2^64 of them).
 */
export function addressKey(address: string): string {
  return isIP(address) === 6 ? `${ipv6Prefix64(address)}::/64` : address;
}
