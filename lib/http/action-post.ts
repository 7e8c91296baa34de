import type { IncomingHttpHeaders } from 'node:http';
import busboy from 'next/dist/compiled/busboy';

/**
 * Checks a server action's post before Next decodes it. Next and React decode
 * the post (multipart parts, then the arguments as React's reply format)
 * before any code of ours runs, and answer 500 to whatever they cannot decode:
 * a wrong or missing boundary, a truncated body, malformed JSON, a reference
 * to a part that is not there. Our actions are forms: their arguments are a
 * form's data, last, and for forms with a state that state — plain values. So a
 * post is accepted when it parses the way Next will parse it and its
 * arguments hold only plain values; anything else gets 400 here.
 */

/** Why a post names an action this build does not have (a page from an older deployment, or a forged id). */
export const unknownAction = 'no such action in this build';

/** Tells whether this build has an action with this id (default: any id, for tests of the post's shape). */
export type KnownAction = (id: string) => boolean;

const maxDepth = 32;
const maxArguments = 1000;
/** The escapes React's reply format uses for plain values: "$$…" (a "$" string), undefined, ±Infinity, -0, NaN, dates, big integers, and "$K…" for a form's data. */
const plainEscape = /^\$(?:\$|u|I|-|N|D|H|K|n-?\d{1,300}$)/;

/** Undefined when every value is plain (no reference to another part, promise, stream or server function). */
function impureValue(value: unknown, depth = 0): string | undefined {
  if (depth > maxDepth) return 'arguments nested too deeply';
  if (typeof value === 'string') return value.startsWith('$') && !plainEscape.test(value) ? 'a reference in the arguments' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const problem = impureValue(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A fetch action's arguments: the root row, a JSON array of plain values (Next calls `action.apply(null, root)`). */
function argumentsProblem(root: string | undefined): string | undefined {
  const parsed = parseJson(root);
  if (!parsed.ok) return 'arguments missing or not JSON';
  if (!Array.isArray(parsed.value) || parsed.value.length > maxArguments) return 'arguments not a list';
  return impureValue(parsed.value);
}

/** A fetch action's arguments end with the form's data ("$K<row>"): every action of ours is a form's (a state and the form, or the form). */
function fetchArgumentsProblem(root: string | undefined): string | undefined {
  const problem = argumentsProblem(root);
  if (problem) return problem;
  const last = (JSON.parse(root!) as unknown[]).at(-1);
  return typeof last === 'string' && /^\$K[0-9a-f]{1,8}$/.test(last) ? undefined : 'the last argument is not a form';
}

/** A form posted without JavaScript: each `$ACTION_REF_n` names its action in `$ACTION_n:0` and its bound state in `$ACTION_n:1`. */
function formPostProblem(fields: FormData, isKnown: KnownAction): string | undefined {
  for (const key of fields.keys()) {
    if (key.startsWith('$ACTION_ID_') && !isKnown(key.slice('$ACTION_ID_'.length))) return unknownAction;
    if (!key.startsWith('$ACTION_REF_')) continue;
    const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
    const meta = parseJson(stringField(fields, `${prefix}0`));
    if (!meta.ok || meta.value === null || typeof meta.value !== 'object') return 'action reference missing or not JSON';
    const { id, bound } = meta.value as { id?: unknown; bound?: unknown };
    if (typeof id !== 'string') return 'action reference without an id';
    if (!isKnown(id)) return unknownAction;
    if (bound === null || bound === undefined) continue;
    const row = typeof bound === 'string' && /^\$@[0-9a-f]{1,8}$/.exec(bound) ? parseInt(bound.slice(2), 16) : undefined;
    if (row === undefined || row === 0) return 'bound arguments not a row';
    const problem = argumentsProblem(stringField(fields, `${prefix}${row}`));
    if (problem) return `bound ${problem}`;
  }
  return undefined;
}

function stringField(fields: FormData, name: string): string | undefined {
  const value = fields.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The parts of a multipart body, parsed by the busboy Next uses for fetch actions; rejects what it rejects. */
function multipartFields(headers: IncomingHttpHeaders, body: Buffer, maxBytes: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    const parser = busboy({ headers, defParamCharset: 'utf8', limits: { fieldSize: maxBytes } });
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('error', reject);
    parser.on('close', () => resolve(fields));
    parser.end(body);
  });
}

/** Undefined when Next can decode this post; else why not, for the log. Only for POSTs that Next treats as server actions. */
export async function actionPostProblem(headers: IncomingHttpHeaders, body: Buffer, maxBytes: number, isKnown: KnownAction = () => true): Promise<string | undefined> {
  const contentType = headers['content-type'];
  const multipart = contentType?.startsWith('multipart/form-data') ?? false;
  const actionId = headers['next-action'];
  const fetchAction = typeof actionId === 'string';
  // Next supports no URL-encoded action: a fetch action so posted is malformed; a plain URL-encoded post is not an action.
  if (contentType === 'application/x-www-form-urlencoded') return fetchAction ? 'URL-encoded action post' : undefined;
  if (!fetchAction && !multipart) return undefined;
  // Next answers an unknown id itself, but logs a stack each time.
  if (fetchAction && !isKnown(actionId)) return unknownAction;
  try {
    if (fetchAction && !multipart) return fetchArgumentsProblem(body.toString('utf8'));
    if (fetchAction) return fetchArgumentsProblem((await multipartFields(headers, body, maxBytes)).get('0'));
    // Without JavaScript: Next reads the form with the platform's own parser.
    const form = await new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': contentType! }, body: new Uint8Array(body) }).formData();
    return formPostProblem(form, isKnown);
  } catch {
    return 'malformed multipart body';
  }
}
