import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { loadCourseProgress } from '@/lib/progress/client-store';

beforeEach(() => vi.useFakeTimers());
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

  const offline = stubAnswers(...Array<'network'>(10).fill('network'));
  await loadCourseProgress('offline-course');
  await vi.advanceTimersByTimeAsync(600_000);
  expect(offline).toHaveBeenCalledTimes(6);
});
