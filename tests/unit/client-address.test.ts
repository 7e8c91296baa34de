import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { addressKey, clientAddressHeader, clientAddressOf, normalizeAddress, parseTrustProxy, type TrustProxy } from '@/lib/http/client-address';
import { clientAddressMarker, clientIp } from '@/lib/http/client-ip';

function trust(value: string): TrustProxy {
  const parsed = parseTrustProxy(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

const of = (socket: string, forwardedFor: string | undefined, trustProxy: string) => clientAddressOf({ socket, forwardedFor, trust: trust(trustProxy) });

describe('the client address (TRUST_PROXY)', () => {
  it('by default believes no header: the socket is the client, whatever X-Forwarded-For says', () => {
    expect(of('198.51.100.7', '203.0.113.5', '')).toBe('198.51.100.7');
    expect(of('198.51.100.7', '1.1.1.1, 2.2.2.2', 'false')).toBe('198.51.100.7');
    expect(of('::ffff:198.51.100.7', undefined, '0')).toBe('198.51.100.7');
  });

  it('with N proxies takes the entry N places from the right of X-Forwarded-For + the socket', () => {
    // nginx on this machine appended the client's address; the client wrote the rest.
    expect(of('127.0.0.1', 'forged, 203.0.113.5', '1')).toBe('203.0.113.5');
    expect(of('127.0.0.1', '9.9.9.9, 203.0.113.5', '1')).toBe('203.0.113.5');
    // A CDN then nginx: two hops.
    expect(of('127.0.0.1', '9.9.9.9, 203.0.113.5, 198.51.100.20', '2')).toBe('203.0.113.5');
    // Repeated headers are one list.
    expect(clientAddressOf({ socket: '127.0.0.1', forwardedFor: ['9.9.9.9', '203.0.113.5'], trust: trust('1') })).toBe('203.0.113.5');
  });

  it('with N proxies never steps onto an entry that is not an address, nor past the left end', () => {
    expect(of('127.0.0.1', 'not-an-ip', '1')).toBe('127.0.0.1');
    expect(of('127.0.0.1', '', '1')).toBe('127.0.0.1');
    expect(of('127.0.0.1', undefined, '3')).toBe('127.0.0.1');
    expect(of('127.0.0.1', '203.0.113.5', '3')).toBe('203.0.113.5');
  });

  it('with a list of proxies walks from the right past every trusted address', () => {
    const proxies = '127.0.0.1, ::1, 10.0.0.0/8';
    expect(of('127.0.0.1', 'forged, 203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(of('127.0.0.1', '9.9.9.9, 203.0.113.5, 10.1.2.3', proxies)).toBe('203.0.113.5');
    expect(of('::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    // Not from a trusted proxy: the header is the client's and is ignored.
    expect(of('198.51.100.7', '203.0.113.5', proxies)).toBe('198.51.100.7');
    // A client inside a trusted range with nothing untrusted to its left is itself the client.
    expect(of('10.9.9.9', undefined, proxies)).toBe('10.9.9.9');
    expect(of('127.0.0.1', 'garbage, 10.0.0.2', proxies)).toBe('10.0.0.2');
  });

  it('reads addresses as proxies write them (ports, brackets, IPv4-mapped, zones)', () => {
    expect(normalizeAddress(' [2001:DB8::1]:443 ')).toBe('2001:db8::1');
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    for (const bad of ['', 'unknown', '999.1.1.1', '1.2.3', '<script>', '1.2.3.4, 5.6.7.8', undefined]) expect(normalizeAddress(bad)).toBeUndefined();
  });

  it('parses TRUST_PROXY, and a wrong value stops the start naming it', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 1 });
    expect(parseEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1, fd00::/8' }).TRUST_PROXY.kind).toBe('proxies');
    for (const bad of ['yes', '10.0.0.0/33', '127.0.0.1,,', 'fd00::/129', '11', '10.0.0.0/8/1']) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: /);
    }
  });
});

describe('the address limits count by', () => {
  it('is an IPv4 address, or an IPv6 address’s /64', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::9')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:0db8:0001:0002:0:0:0:1')).toBe('2001:db8:1:2::/64');
  });

  it('comes only from our server’s header, never from X-Forwarded-For; without our server it is one key', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.5', [clientAddressHeader]: '198.51.100.7' });
    const before = process.env[clientAddressMarker];
    try {
      delete process.env[clientAddressMarker];
      expect(clientIp(headers)).toBe('dev');
      process.env[clientAddressMarker] = '1';
      expect(clientIp(headers)).toBe('198.51.100.7');
      expect(clientIp(new Headers({ [clientAddressHeader]: '2001:db8:1:2::3' }))).toBe('2001:db8:1:2::/64');
      expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.5' }))).toBe('unknown');
    } finally {
      if (before === undefined) delete process.env[clientAddressMarker];
      else process.env[clientAddressMarker] = before;
    }
  });
});
