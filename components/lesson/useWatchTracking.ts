'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { applyLessonStatus, useCourseProgress } from '@/lib/progress/client-store';
import { WatchTracker } from '@/lib/progress/tracker';

type Lesson = { course: string; lesson: string; duration: number };

/**
 * Records what the video plays from mount, before anyone knows who is
 * watching; sends it once the page knows a signed-in learner is. For an
 * anonymous visitor tracking stops: nothing is sent and nothing stored.
 */
export function useWatchTracking(video: RefObject<HTMLVideoElement | null>, { course, lesson, duration }: Lesson): void {
  const tracker = useRef<WatchTracker | null>(null);
  const progress = useCourseProgress(course);
  const learnerKey = progress.kind === 'learner' ? progress.course.learnerKey : null;
  const anonymous = progress.kind === 'anonymous';

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const current = new WatchTracker(element, { course, lesson, duration, onStatus: (status) => applyLessonStatus(course, status) });
    current.start();
    tracker.current = current;
    return () => {
      current.stop();
      tracker.current = null;
    };
  }, [video, course, lesson, duration]);

  // Runs after the effect above (same order), also when that one made a new tracker.
  useEffect(() => {
    if (learnerKey) tracker.current?.enable(learnerKey);
    else if (anonymous) tracker.current?.stop();
  }, [learnerKey, anonymous, course, lesson, duration]);
}
