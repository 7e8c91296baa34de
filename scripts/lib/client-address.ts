import type http from 'node:http';
import { clientAddressHeader, clientAddressOf, type TrustProxy } from '@/lib/http/client-address';
import { clientAddressMarker } from '@/lib/http/client-ip';

/**
 * What our server does first with every request, before Next sees it: drop any
 * client-address header the client sent and set ours, from the socket and
 * TRUST_PROXY. It also tells the app (same process) that the header is ours.
 */
export function clientAddressTagger(trust: TrustProxy): (req: http.IncomingMessage) => void {
  process.env[clientAddressMarker] = '1';
  return (req) => {
    delete req.headers[clientAddressHeader];
    req.headers[clientAddressHeader] = clientAddressOf({ socket: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], trust });
  };
}
