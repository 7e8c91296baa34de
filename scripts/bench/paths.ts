import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalog } from '@/lib/content/catalog';
import type { Client } from './client';
import type { LearnerPool } from './learners';
import type { LoadSpec } from './load';
import { encodeForm, parseQuizForm } from './quiz-form';
import { sizedPage } from './reference';

export type BenchContext = { aula: Client; aulaBase: string; reference: Client; learners: LearnerPool; adminCookie: string; root: string };

/** A hot path and the bare reference it is compared with. */
export type PreparedPath = {
  aula: LoadSpec;
  reference: LoadSpec;
  /** What the reference is, in a few words. */
  referenceIs: string;
  /** HTML sizes (bytes) where the reference page was sized to match Aula's. */
  sizes?: { aula: number; reference: number };
  /** Outcomes read from the bodies (quiz: graded, limited, refused), summed over the measured runs. */
  outcomes?: Record<string, number>;
};

export type HotPath = { id: string; name: string; group: 'default' | 'admin'; prepare: (context: BenchContext) => Promise<PreparedPath> };

const course = 'risoluzione-dei-conflitti';
const locale = 'it';
const lessonPath = (lesson: string) => `/${locale}/courses/${course}/${lesson}`;

/** Aula's page as the load will request it; it must answer 200. */
async function fetchPage(client: Client, url: string, headers: Record<string, string> = {}) {
  const reply = await client.request('GET', url, { headers });
  if (reply.status !== 200) throw new Error(`GET ${url}: ${reply.status}`);
  return reply;
}

/** A GET of an Aula page, compared with a reference page (static or dynamic) of the same HTML size. */
function pagePair(kind: 'static' | 'dynamic', url: string, signedIn = false): HotPath['prepare'] {
  return async ({ aula, reference, adminCookie }) => {
    const headers: Record<string, string> = signedIn ? { Cookie: adminCookie } : {};
    const page = await fetchPage(aula, url, headers);
    const sized = await sizedPage(reference, kind, page.bytes);
    return { aula: { path: url, headers }, reference: { path: sized.path }, referenceIs: `${kind} page, same size`, sizes: { aula: page.bytes, reference: sized.bytes } };
  };
}

function lessons(root: string) {
  const entry = readCatalog(path.join(root, 'content')).courses.find((c) => c.slug === course);
  if (!entry) throw new Error(`course ${course} not found in content/`);
  return entry.lessons;
}

/** The reference's own learner for the k-th request: its sessions are `s0`…`s9999` (scripts/bench/reference/app/db.js). */
const referenceSession = (k: number, learners: number) => `session=s${k % Math.min(learners, 10_000)}`;

/**
 * The signed-in heartbeat, compared with a bare route handler doing one upsert
 * (`sameWork` false: the goal's reference) or the heartbeat's own work (the
 * session read, the JSON body, the row read and written in one transaction).
 */
const heartbeat = (sameWork: boolean): HotPath['prepare'] => async ({ aulaBase, learners, root }) => {
  const slugs = lessons(root).map((l) => l.slug);
  let k = 0;
  return {
    referenceIs: sameWork ? 'route handler, same work' : 'route handler, one SQLite upsert',
    aula: {
      method: 'POST',
      path: '/api/progress',
      headers: { 'Content-Type': 'application/json', Origin: aulaBase },
      vary: () => {
        // Each learner watches one lesson onward, 15 s a heartbeat, as the player reports it.
        const learner = learners.next();
        const from = (learner.beats++ * 15) % 300;
        const body = { course, lesson: slugs[learner.index % slugs.length], intervals: [[from, from + 15]], position: from + 15, sentAt: Date.now() };
        return { headers: { Cookie: learner.cookie }, body: JSON.stringify(body) };
      },
    },
    reference: {
      method: 'POST',
      path: sameWork ? '/api/beat' : '/api/upsert',
      headers: { 'Content-Type': 'application/json' },
      vary: () => {
        const n = k++;
        const body = JSON.stringify({ learner: `learner${n % learners.size}`, lesson: slugs[n % slugs.length], position: (n * 15) % 300 });
        return sameWork ? { body, headers: { Cookie: referenceSession(n, learners.size) } } : { body };
      },
    },
  };
};

const quiz: HotPath['prepare'] = async ({ aula, aulaBase, reference, learners, root }) => {
  const posts: { path: string; body: string; contentType: string }[] = [];
  for (const lesson of lessons(root)) {
    const form = parseQuizForm((await fetchPage(aula, lessonPath(lesson.slug))).body);
    // Every question answered with the key: the path that records, grades, settles progress and reveals the explanations.
    const answers = lesson.texts[locale]!.quiz.flatMap((q) => q.answer.map((choice) => [`q:${q.id}`, choice] as [string, string]));
    posts.push({ path: lessonPath(lesson.slug), ...encodeForm(form, answers) });
  }
  const outcomes = { graded: 0, limited: 0, refused: 0 };
  // The words of the "no attempts left for now" notice, before its first placeholder.
  const messages = JSON.parse(readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as { quiz: { limited: string } };
  const limitedText = messages.quiz.limited.split('{')[0]!;
  const nextPost = () => {
    const learner = learners.next();
    const post = posts[learner.quizzes++ % posts.length]!;
    return { path: post.path, body: post.body, headers: { Cookie: learner.cookie, 'Content-Type': post.contentType, Origin: aulaBase } };
  };
  const probe = nextPost();
  const sample = await aula.request('POST', probe.path, { body: probe.body, headers: probe.headers });
  if (sample.status !== 200 || !sample.body.includes('data-testid="quiz-score"')) throw new Error(`the quiz post was not graded (${sample.status})`);
  const sized = await sizedPage(reference, 'dynamic', sample.bytes);
  return {
    referenceIs: 'dynamic page, same size',
    sizes: { aula: sample.bytes, reference: sized.bytes },
    outcomes,
    aula: {
      method: 'POST',
      path: probe.path,
      vary: nextPost,
      onBody: (status, body) => {
        if (body.includes('data-testid="quiz-score"')) outcomes.graded++;
        else if (status === 200 && body.includes(limitedText)) outcomes.limited++;
        else outcomes.refused++;
      },
    },
    reference: { path: sized.path },
  };
};

/** A reference request: its path (and cookie) for the k-th request, so that the reference rotates through its own learners too. */
type ReferenceRequest = (k: number, learners: number) => { path: string; headers?: Record<string, string> };

/** A GET by signed-in learners in turn, compared with a bare route handler. */
const signedIn = (url: string, referenceIs: string, referenceFor: ReferenceRequest): HotPath['prepare'] => async ({ learners }) => {
  let k = 0;
  return {
    referenceIs,
    aula: { path: url, vary: () => ({ headers: { Cookie: learners.next().cookie } }) },
    reference: { ...referenceFor(0, learners.size), vary: () => referenceFor(k++, learners.size) },
  };
};

/**
 * The hot paths of issue 14, in the order they are measured. `me-work` and
 * `heartbeat-work` measure the same Aula requests again against a bare Next
 * app doing the same work: what is left of the gap once the work itself is
 * paid is Aula's own cost.
 */
export const hotPaths: HotPath[] = [
  { id: 'lesson', name: 'lesson page (anonymous)', group: 'default', prepare: pagePair('static', lessonPath('livelli-di-contatto')) },
  { id: 'course', name: 'course page', group: 'default', prepare: pagePair('static', `/${locale}/courses/${course}`) },
  { id: 'catalog', name: 'catalog', group: 'default', prepare: pagePair('static', `/${locale}`) },
  { id: 'me', name: 'GET /api/me (signed in)', group: 'default', prepare: signedIn('/api/me', 'route handler, small JSON', () => ({ path: '/api/json' })) },
  { id: 'me-work', name: 'GET /api/me, against the same work', group: 'default', prepare: signedIn('/api/me', 'route handler, same work', (k, n) => ({ path: '/api/session', headers: { Cookie: referenceSession(k, n) } })) },
  { id: 'heartbeat', name: 'heartbeat POST /api/progress', group: 'default', prepare: heartbeat(false) },
  { id: 'heartbeat-work', name: 'heartbeat, against the same work', group: 'default', prepare: heartbeat(true) },
  { id: 'progress', name: 'GET /api/progress', group: 'default', prepare: signedIn(`/api/progress?course=${course}`, 'route handler, one SQLite read', (k, n) => ({ path: `/api/read?learner=learner${k % n}` })) },
  { id: 'quiz', name: 'quiz submission (no-JS post)', group: 'default', prepare: quiz },
  { id: 'search', name: 'search ?q=cliente', group: 'default', prepare: pagePair('dynamic', `/${locale}/search?q=cliente`) },
  { id: 'admin', name: 'admin dashboard', group: 'default', prepare: pagePair('dynamic', `/${locale}/admin`, true) },
  { id: 'admin-learners', name: 'admin learners, page 1', group: 'admin', prepare: pagePair('dynamic', `/${locale}/admin/learners`, true) },
  { id: 'admin-learners-sorted', name: 'admin learners by %, page 200', group: 'admin', prepare: pagePair('dynamic', `/${locale}/admin/learners?sort=percent&dir=desc&page=200`, true) },
  { id: 'admin-learners-filtered', name: 'admin learners, complete + "rossi"', group: 'admin', prepare: pagePair('dynamic', `/${locale}/admin/learners?status=complete&q=rossi`, true) },
];
