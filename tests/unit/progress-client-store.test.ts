import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { courseProgressNow, loadCourseProgress } from '@/lib/progress/client-store';

/** A page's document as far as the signed-in hint goes: its cookie and <html>'s data attributes. */
function stubDocument(cookie: string) {
  const page = { cookie, documentElement: { dataset: {} as Record<string, string> } };
  vi.stubGlobal('document', page);
  return page;
}

beforeEach(() => {
  vi.useFakeTimers();
  stubDocument('aula_session_hint=1');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function stubAnswers(...answers: (number | 'network')[]) {
  const fetch = vi.fn(async () => {
    const answer = answers.shift() ?? 200;
    if (answer === 'network') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(answer === 200 ? { course: 'c', learnerKey: 'k', lessons: [] } : { error: 'x' }), { status: answer });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

it('asks again after a network failure or a 5xx (2 s, then 4 s), and stops once answered', async () => {
  const fetch = stubAnswers('network', 503, 200);
  await loadCourseProgress('retry-course');
  expect(fetch).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(2000);
  expect(fetch).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(3999);
  expect(fetch).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(1);
  expect(fetch).toHaveBeenCalledTimes(3);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(fetch).toHaveBeenCalledTimes(3);
});

it('does not ask again after an answer that will not change (401: anonymous), and gives up after five retries', async () => {
  const anonymous = stubAnswers(401);
  await loadCourseProgress('anon-course');
  await vi.advanceTimersByTimeAsync(120_000);
  expect(anonymous).toHaveBeenCalledTimes(1);

  stubDocument('aula_session_hint=1'); // the 401 cleared it
  const offline = stubAnswers(...Array<'network'>(10).fill('network'));
  await loadCourseProgress('offline-course');
  await vi.advanceTimersByTimeAsync(600_000);
  expect(offline).toHaveBeenCalledTimes(6);
});

it('asks nothing without the signed-in hint: a visitor is anonymous at once, and no 401 is logged', async () => {
  stubDocument('other=1');
  const fetch = stubAnswers(200);
  await loadCourseProgress('visitor-course');
  expect(fetch).not.toHaveBeenCalled();
  expect(courseProgressNow('visitor-course')).toEqual({ kind: 'anonymous' });
});

it('a 401 despite the hint (the session ended) forgets the hint', async () => {
  const page = stubDocument('a=1; aula_session_hint=1');
  page.documentElement.dataset.session = '1';
  let written = '';
  Object.defineProperty(page, 'cookie', { get: () => 'a=1; aula_session_hint=1', set: (value: string) => void (written = value) });
  stubAnswers(401);
  await loadCourseProgress('ended-course');
  expect(courseProgressNow('ended-course')).toEqual({ kind: 'anonymous' });
  expect(page.documentElement.dataset.session).toBeUndefined();
  expect(written).toMatch(/^aula_session_hint=; Path=\/; Max-Age=0/);
});

