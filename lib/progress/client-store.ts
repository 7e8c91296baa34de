import { useEffect, useSyncExternalStore } from 'react';
import { hasSessionHint, syncSessionHint } from '@/lib/auth/session-hint';
import type { CourseStatus, LessonStatus } from './status';

// The signed-in learner's progress per course, fetched by the browser so pages
// stay static. The player, the notice and the lists of a page share it. Asked
// only when the signed-in hint says so: a visitor's page makes no request.

export type ProgressState = { kind: 'unknown' } | { kind: 'anonymous' } | { kind: 'learner'; course: CourseStatus };

const unknown: ProgressState = { kind: 'unknown' };
const states = new Map<string, ProgressState>();
const requested = new Set<string>();
const listeners = new Set<() => void>();

function set(course: string, next: ProgressState) {
  states.set(course, next);
  for (const listener of listeners) listener();
}

export async function loadCourseProgress(course: string, attempt = 0): Promise<void> {
  requested.add(course);
  if (!hasSessionHint()) return set(course, { kind: 'anonymous' });
  let settled = false;
  try {
    const response = await fetch(`/api/progress?course=${encodeURIComponent(course)}`, { cache: 'no-store' });
    // Always read the body: an unread response keeps the request open.
    const body: unknown = await response.json().catch(() => null);
    settled = response.ok || (response.status >= 400 && response.status < 500);
    if (response.status === 401) {
      syncSessionHint(false);
      set(course, { kind: 'anonymous' });
    }
    else if (response.ok) set(course, { kind: 'learner', course: body as CourseStatus });
  } catch {
    // Offline or no answer: stay unknown (the player keeps recording) and ask again.
  }
  // Asked again after 2 s, 4 s … 32 s; the page works without progress meanwhile.
  if (!settled && attempt < 5) setTimeout(() => void loadCourseProgress(course, attempt + 1), 2000 * 2 ** attempt);
}

/** Folds a lesson's status (from a heartbeat) into its course; course figures are refetched when it completes. */
export function applyLessonStatus(course: string, status: LessonStatus): void {
  const state = states.get(course);
  if (state?.kind !== 'learner') return;
  const lessons = state.course.lessons.map((lesson) => (lesson.lesson === status.lesson ? status : lesson));
  set(course, { kind: 'learner', course: { ...state.course, lessons } });
  if (status.complete) void loadCourseProgress(course);
}

/** What the page knows now about a course's progress. */
export function courseProgressNow(course: string): ProgressState {
  return states.get(course) ?? unknown;
}

export function useCourseProgress(course: string): ProgressState {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => courseProgressNow(course),
    () => unknown,
  );
  useEffect(() => {
    if (!requested.has(course)) void loadCourseProgress(course);
  }, [course]);
  return current;
}
