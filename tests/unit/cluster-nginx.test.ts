import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustProxy, type TrustProxy } from '@/lib/http/client-address';
import { nginxConfig } from '../../scripts/cluster/nginx';
import { clusterSecret } from '../../scripts/cluster/secret';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const config = nginxConfig({ dir: '/srv/aula/data/cluster', listen: { port: 3000 }, upstreams: ['127.0.0.1:41001', '127.0.0.1:41002'] });

describe('the cluster’s nginx config', () => {
  it('spreads requests over every instance and keeps its files under the cluster folder', () => {
    expect(config).toMatch(/upstream aula \{\s+server 127\.0\.0\.1:41001 [^;]*;\s+server 127\.0\.0\.1:41002 [^;]*;/);
    expect(config).toContain('proxy_pass http://aula;');
    expect(config).toContain('listen 3000;');
    for (const line of config.split('\n').filter((l) => /_path |^pid |error_log |access_log /.test(l.trim()))) {
      expect(line, line).toContain('/srv/aula/data/cluster/nginx/');
    }
    expect(nginxConfig({ dir: '/d', listen: { host: '::1', port: 8080 }, upstreams: ['127.0.0.1:1'] })).toContain('listen [::1]:8080;');
  });

  it('passes the Host through and appends the client to X-Forwarded-For, the entry TRUST_PROXY=1 reads', () => {
    expect(config).toContain('proxy_set_header Host $http_host;');
    expect(config).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    // What nginx sends for a client at 203.0.113.7 that claims to be 10.0.0.1: its claim, then the address nginx saw.
    const forwardedFor = '10.0.0.1, 203.0.113.7';
    const trust = parseTrustProxy('1') as TrustProxy;
    expect(clientAddressOf({ socket: '127.0.0.1', forwardedFor, trust })).toBe('203.0.113.7');
  });

  it('retries another instance only when the request never reached one (a POST is never sent twice)', () => {
    expect(config).toContain('proxy_next_upstream error;');
    expect(config).not.toMatch(/proxy_next_upstream[^;]*(timeout|http_5|non_idempotent)/);
  });
});

describe('the cluster’s AUTH_SECRET', () => {
  it('is AUTH_SECRET when set, else generated once into the folder, readable only by its owner, and the same next time', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-cluster-secret-'));
    expect(clusterSecret(dir, { AUTH_SECRET: 'given-secret-given-secret-given-secret' })).toBe('given-secret-given-secret-given-secret');
    const generated = clusterSecret(dir, {});
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(clusterSecret(dir, {})).toBe(generated);
  });
});
