/**
 * The quiz as a browser without JavaScript posts it: the form's hidden fields
 * as the server rendered them (course, lesson, locale and Next's `$ACTION_…`
 * fields that name the server action), plus one field per chosen answer, in
 * the encoding the form asks for.
 */
export type QuizForm = { hidden: [string, string][]; multipart: boolean };

const entities: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const unescape = (value: string) => value.replace(/&(quot|#x27|#39|lt|gt|amp);/g, (entity) => entities[entity]!);
const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name.replace('$', '\\$')}="([^"]*)"`).exec(tag)?.[1];
  return found === undefined ? undefined : unescape(found);
};

/** Reads `<form class="quiz">` from a lesson page's HTML; throws if the page has none or it names no server action. */
export function parseQuizForm(html: string): QuizForm {
  const start = html.search(/<form\b[^>]*class="quiz"/);
  if (start < 0) throw new Error('no quiz form on the lesson page');
  const form = html.slice(start, html.indexOf('</form>', start));
  const opening = form.slice(0, form.indexOf('>') + 1);
  const hidden: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    if (attribute(tag, 'type') !== 'hidden') continue;
    const name = attribute(tag, 'name');
    if (name) hidden.push([name, attribute(tag, 'value') ?? '']);
  }
  if (!hidden.some(([name]) => name.startsWith('$ACTION_'))) throw new Error('the quiz form names no server action ($ACTION_… field)');
  return { hidden, multipart: (attribute(opening, 'encType') ?? attribute(opening, 'enctype')) === 'multipart/form-data' };
}

export const boundary = '----AulaBenchBoundary7MA4YWxkTrZu0gW';

/** The body and content type of a post of `fields`, encoded as the form asks. */
export function encodeForm(form: QuizForm, answers: [string, string][]): { body: string; contentType: string } {
  const fields = [...form.hidden, ...answers];
  if (!form.multipart) return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
