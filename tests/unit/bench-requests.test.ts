import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { readCatalog } from '@/lib/content/catalog';
import { parseAnswers } from '@/lib/quiz/parse-answers';
import { cheapHash, demoPassword } from '../../scripts/bench/aula';
import type { Client, Reply } from '../../scripts/bench/client';
import { encodeForm, parseQuizForm } from '../../scripts/bench/quiz-form';
import { sizedPage } from '../../scripts/bench/reference';

// The start of the quiz form as the production build renders it (React's no-JS form for useActionState).
const renderedForm =
  '<main><form class="quiz" aria-describedby="quiz-intro" noValidate="" action="" encType="multipart/form-data" method="POST">' +
  '<input type="hidden" name="$ACTION_REF_2"/>' +
  '<input type="hidden" name="$ACTION_2:0" value="{&quot;id&quot;:&quot;603a52c550ec99257171032d4c70108bf1a84c06f7&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>' +
  '<input type="hidden" name="$ACTION_2:1" value="[{&quot;status&quot;:&quot;idle&quot;,&quot;selected&quot;:{}}]"/>' +
  '<input type="hidden" name="$ACTION_KEY" value="ka5af766c5fb578213e55855d0f4e0fe0"/><p id="quiz-intro">…</p>' +
  '<input type="hidden" name="course" value="risoluzione-dei-conflitti"/><input type="hidden" name="lesson" value="livelli-di-contatto"/>' +
  '<input type="hidden" name="locale" value="it"/><ol class="quiz__questions"><li><input type="radio" name="q:q-chatbot-banca" value="a"/></li></ol>' +
  '<button type="submit">Verifica</button></form><form class="report"><input type="hidden" name="other" value="x"/></form></main>';

const lesson = readCatalog(path.join(process.cwd(), 'content')).courses[0]!.lessons.find((l) => l.slug === 'livelli-di-contatto')!;
const quiz = lesson.texts.it!.quiz;

describe('the quiz post the bench sends', () => {
  it('reads the quiz form’s hidden fields, unescaped, and only that form’s', () => {
    const form = parseQuizForm(renderedForm);
    expect(form.multipart).toBe(true);
    expect(form.hidden).toEqual([
      ['$ACTION_REF_2', ''],
      ['$ACTION_2:0', '{"id":"603a52c550ec99257171032d4c70108bf1a84c06f7","bound":"$@1"}'],
      ['$ACTION_2:1', '[{"status":"idle","selected":{}}]'],
      ['$ACTION_KEY', 'ka5af766c5fb578213e55855d0f4e0fe0'],
      ['course', 'risoluzione-dei-conflitti'],
      ['lesson', 'livelli-di-contatto'],
      ['locale', 'it'],
    ]);
  });

  it('refuses a page without a quiz form, or a form that names no server action', () => {
    expect(() => parseQuizForm('<main><form class="report"></form></main>')).toThrow(/no quiz form/);
    expect(() => parseQuizForm('<form class="quiz"><input type="hidden" name="course" value="c"/></form>')).toThrow(/no server action/);
  });

  it('encodes a post that a multipart parser reads back field for field, and that the quiz accepts as complete', async () => {
    const form = parseQuizForm(renderedForm);
    const answers = quiz.flatMap((q) => q.answer.map((choice) => [`q:${q.id}`, choice] as [string, string]));
    const { body, contentType } = encodeForm(form, answers);
    const parsed = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
    const entries = [...parsed.entries()] as [string, string][];
    expect(entries).toEqual([...form.hidden, ...answers]);
    expect(parseAnswers(quiz, entries)).toMatchObject({ ok: true, missing: [] });
  });

  it('encodes as a urlencoded form when the form does not ask for multipart', () => {
    const { body, contentType } = encodeForm({ hidden: [['$ACTION_ID_abc', '']], multipart: false }, [['q:x', 'a']]);
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(body).toBe('%24ACTION_ID_abc=&q%3Ax=a');
  });
});

describe('the demo learners’ cheap password hash', () => {
  it('is one the app’s own verifyPassword accepts (so signing in stays the real flow), and only for that password', async () => {
    const hash = cheapHash(demoPassword);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(verifyPassword(demoPassword, hash)).resolves.toBe(true);
    await expect(verifyPassword('demo learner passphrasE', hash)).resolves.toBe(false);
  });
});

describe('sizing a reference page to an Aula page', () => {
  const fakeReference = (bytesFor: (n: number) => number) => {
    const asked: number[] = [];
    const client = {
      request: async (_method: string, url: string): Promise<Reply> => {
        const n = Number(url.split('/').pop());
        asked.push(n);
        return { status: 200, headers: {}, body: '', bytes: bytesFor(n), ms: 1 };
      },
    } as unknown as Client;
    return { client, asked };
  };

  it('finds the filler length whose HTML is within 0.5 % of the target', async () => {
    const { client, asked } = fakeReference((n) => 4900 + Math.round(2.7 * n));
    const page = await sizedPage(client, 'static', 74_934);
    expect(Math.abs(page.bytes - 74_934)).toBeLessThanOrEqual(375);
    expect(page.path).toMatch(/^\/static\/\d+$/);
    expect(asked.length).toBeLessThanOrEqual(4);
  });

  it('converges when the size is not quite linear, and gives the smallest page for a target below it', async () => {
    const { client } = fakeReference((n) => 5000 + 2 * n + Math.floor(n / 400) * 7);
    expect((await sizedPage(client, 'dynamic', 140_000)).bytes).toBeGreaterThan(140_000 * 0.995);
    expect(await sizedPage(fakeReference((n) => 5000 + 2 * n).client, 'static', 3000)).toEqual({ path: '/static/0', bytes: 5000 });
  });
});
