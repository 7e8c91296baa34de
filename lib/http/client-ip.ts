import { addressKey, clientAddressHeader } from './client-address';

/**
 * Set (to "1") by our own server when it starts (scripts/start.ts): from then
 * on every request carries the client's address in `clientAddressHeader`,
 * computed from the socket and TRUST_PROXY, never the client's own copy.
 */
export const clientAddressMarker = 'AULA_CLIENT_ADDRESS_HEADER';

/**
 * The client's address for per-address limits (an IPv6 client by its /64).
 * Under `next dev` there is no server of ours to work it out, and every header
 * is the client's to write, so every request counts as one client, `dev`.
 */
export function clientIp(headers: Headers): string {
  if (process.env[clientAddressMarker] !== '1') return 'dev';
  const address = headers.get(clientAddressHeader);
  // Our server always sets it; without it, one shared key, never a header the client wrote.
  return address ? addressKey(address) : 'unknown';
}
