import { describe, expect, it } from 'vitest';
import { actionPostProblem, unknownAction } from '@/lib/http/action-post';
import { authLogger } from '@/lib/http/auth-logger';

// What our server checks in a server action's post before Next decodes it.

const limit = 65536;
const multipart = (boundary: string, fields: [string, string][]) =>
  Buffer.from(fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`);
const fetchHeaders = (contentType: string) => ({ 'next-action': '7f00aa', 'content-type': contentType });
const formHeaders = (boundary: string) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });
/** A form posted without JavaScript, as React renders it for useActionState. */
const formPost = (meta: string, bound: string, extra: [string, string][] = []): [string, string][] => [
  ['$ACTION_REF_1', ''],
  ['$ACTION_1:0', meta],
  ['$ACTION_1:1', bound],
  ['$ACTION_KEY', 'k1'],
  ['locale', 'it'],
  ...extra,
];

describe('a server action post', () => {
  it('passes as our forms send it, with and without JavaScript', async () => {
    const state = '[{"status":"error","message":"x","values":{"email":"$$dollar","note":"a"}},"$K1"]';
    expect(await actionPostProblem(fetchHeaders('text/plain;charset=UTF-8'), Buffer.from(state), limit)).toBeUndefined();
    expect(await actionPostProblem(fetchHeaders('multipart/form-data; boundary=b'), multipart('b', [['_1_locale', 'it'], ['0', state]]), limit)).toBeUndefined();
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from('["$undefined","$D2020-01-01","$n12","$NaN","$-0","$Infinity","$K1"]'), limit)).toBeUndefined();
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from('["$K1"]'), limit)).toBeUndefined(); // a form without a state (signing out)
    const plain = formPost('{"id":"7f00aa","bound":"$@1"}', '[{"status":"idle","values":{}}]');
    expect(await actionPostProblem(formHeaders('q'), multipart('q', plain), limit)).toBeUndefined();
    expect(await actionPostProblem(formHeaders('q'), multipart('q', [['$ACTION_ID_7f00aa', ''], ['locale', 'it']]), limit)).toBeUndefined();
  });

  it('leaves alone what Next does not decode: no action header and not multipart, or URL-encoded', async () => {
    expect(await actionPostProblem({ 'content-type': 'text/plain' }, Buffer.from('{{{'), limit)).toBeUndefined();
    expect(await actionPostProblem({ 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('%%%'), limit)).toBeUndefined();
  });

  it('is refused when it is URL-encoded with an action header (the finding `0=["$K1"]`: Next supports no such post)', async () => {
    expect(await actionPostProblem({ 'next-action': 'x', 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('0=["$K1"]'), limit)).toBe('URL-encoded action post');
  });

  it('is refused when it names an action this build does not have, with or without JavaScript', async () => {
    const known = (id: string) => id === '7f00aa';
    const args = Buffer.from('["$K1"]');
    expect(await actionPostProblem(fetchHeaders('text/plain'), args, limit, known)).toBeUndefined();
    expect(await actionPostProblem({ ...fetchHeaders('text/plain'), 'next-action': '7f0123' }, args, limit, known)).toBe(unknownAction);
    expect(await actionPostProblem(formHeaders('q'), multipart('q', [['$ACTION_ID_7f00aa', '']]), limit, known)).toBeUndefined();
    expect(await actionPostProblem(formHeaders('q'), multipart('q', [['$ACTION_ID_abcdef', '']]), limit, known)).toBe(unknownAction);
    expect(await actionPostProblem(formHeaders('q'), multipart('q', formPost('{"id":"7f00aa","bound":null}', '[]')), limit, known)).toBeUndefined();
    expect(await actionPostProblem(formHeaders('q'), multipart('q', formPost('{"id":"other","bound":null}', '[]')), limit, known)).toBe(unknownAction);
  });

  it('is refused when its arguments are not JSON, not a list, or missing (the findings: `0=["$K1"` and friends)', async () => {
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from('["$K1"'), limit)).toBe('arguments missing or not JSON');
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from('5'), limit)).toBe('arguments not a list');
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from(`[${'0,'.repeat(1000)}0]`), limit)).toBe('arguments not a list');
    expect(await actionPostProblem(fetchHeaders('multipart/form-data; boundary=b'), multipart('b', [['1', '[]']]), limit)).toBe('arguments missing or not JSON');
  });

  it('is refused when its last argument is not a form (every action of ours is a form’s; signOutAction would throw on anything else)', async () => {
    for (const args of ['[]', '["x"]', '[{"status":"idle"},"x"]', '["$K1",1]', '[null]']) {
      expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from(args), limit), args).toBe('the last argument is not a form');
    }
  });

  it('is refused when its arguments reference anything but plain values and a form', async () => {
    for (const reference of ['$1', '$@1', '$Q1', '$W1', '$h1', '$T', '$B1', '$R1', '$i1', '$X1', '$A1', '$0:values', '$nabc', '$Z']) {
      const args = JSON.stringify([{ status: 'idle', values: { field: reference } }, '$K1']);
      expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from(args), limit), reference).toBe('a reference in the arguments');
    }
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(await actionPostProblem(fetchHeaders('text/plain'), Buffer.from(deep), limit)).toBe('arguments nested too deeply');
  });

  it('is refused when its multipart body does not parse (wrong or missing boundary, truncated, a broken part header)', async () => {
    const body = multipart('xyz', [['0', '["$K1"]']]);
    expect(await actionPostProblem(fetchHeaders('multipart/form-data; boundary=other'), body, limit)).toBe('malformed multipart body');
    expect(await actionPostProblem(fetchHeaders('multipart/form-data'), body, limit)).toBe('malformed multipart body');
    expect(await actionPostProblem(fetchHeaders('multipart/form-data; boundary=xyz'), body.subarray(0, 40), limit)).toBe('malformed multipart body');
    expect(await actionPostProblem(formHeaders('zz'), multipart('q', formPost('{"id":"a","bound":null}', '[]')), limit)).toBe('malformed multipart body');
    expect(await actionPostProblem(formHeaders('q'), multipart('q', formPost('{"id":"a","bound":null}', '[]')).subarray(0, 120), limit)).toBe('malformed multipart body');
    expect(await actionPostProblem(formHeaders('q'), Buffer.from('--q\r\nnot a header\r\n\r\nx\r\n--q--\r\n'), limit)).toBe('malformed multipart body');
  });

  it('without JavaScript: is refused when the action reference or its bound state is malformed', async () => {
    const post = (meta: string, bound: string) => actionPostProblem(formHeaders('q'), multipart('q', formPost(meta, bound)), limit);
    expect(await post('{"id":', '[]')).toBe('action reference missing or not JSON');
    expect(await post('{"bound":null}', '[]')).toBe('action reference without an id');
    expect(await post('{"id":"a","bound":"$1"}', '[]')).toBe('bound arguments not a row');
    expect(await post('{"id":"a","bound":"$@1"}', '[{')).toBe('bound arguments missing or not JSON');
    expect(await post('{"id":"a","bound":"$@1"}', '[{"values":"$@2"}]')).toBe('bound a reference in the arguments');
    expect(await post('{"id":"a","bound":"$@2"}', '[]')).toBe('bound arguments missing or not JSON'); // row 2 is not there
  });
});

describe('the Auth.js logger', () => {
  const capture = (error: Error) => {
    const lines: string[] = [];
    const { error: realError, warn: realWarn } = console;
    console.error = (...args: unknown[]) => lines.push(`error ${args.map(String).join(' ')}`);
    console.warn = (...args: unknown[]) => lines.push(`warn ${args.map(String).join(' ')}`);
    try {
      authLogger.error(error);
    } finally {
      Object.assign(console, { error: realError, warn: realWarn });
    }
    return lines;
  };
  const authError = (type: string, message: string) => Object.assign(new Error(message), { type });

  it('logs what a client sent in one line with the type only: no stack, no echo of the input', () => {
    expect(capture(authError('JWTSessionError', 'Invalid Compact JWE'))).toEqual(['warn [auth] refused: JWTSessionError']);
    const echoed = capture(authError('InvalidCallbackUrl', 'Invalid callback URL. Received: javascript:alert(1)\nFAKE LINE'));
    expect(echoed).toEqual(['warn [auth] refused: InvalidCallbackUrl']);
  });

  it('says nothing of a wrong password, and keeps the whole error for a fault of ours', () => {
    expect(capture(authError('CredentialsSignin', 'x'))).toEqual([]);
    const fault = capture(authError('CallbackRouteError', 'database is locked'));
    expect(fault).toHaveLength(1);
    expect(fault[0]).toContain('database is locked');
  });
});
