'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { applyLessonStatus, useCourseProgress } from '@/lib/progress/client-store';
import { WatchRecorder } from '@/lib/progress/watch-recorder';

type Lesson = { course: string; lesson: string; duration: number };

/**
 * Records what the video plays from mount, before anyone knows who is
 * watching. Once the page knows a signed-in learner is, the sending side is
 * loaded and reports it (from the first frame). For an anonymous visitor
 * recording stops: nothing is sent, nothing stored, no sending code loaded.
 */
export function useWatchTracking(video: RefObject<HTMLVideoElement | null>, { course, lesson, duration }: Lesson): void {
  const recorder = useRef<WatchRecorder | null>(null);
  const progress = useCourseProgress(course);
  const learnerKey = progress.kind === 'learner' ? progress.course.learnerKey : null;
  const anonymous = progress.kind === 'anonymous';

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const current = new WatchRecorder(element, duration);
    current.start();
    recorder.current = current;
    return () => current.stop();
  }, [video, duration]);

  // Runs after the effect above (same order), also when that one made a new recorder.
  useEffect(() => {
    const current = recorder.current;
    if (anonymous) current?.stop();
    if (!learnerKey || !current) return;
    let stopped = false;
    let stop = () => {};
    import('./learner-only')
      .then(({ WatchTracker }) => {
        if (stopped) return;
        const tracker = new WatchTracker(current, { course, lesson, learnerKey, onStatus: (status) => applyLessonStatus(course, status) });
        tracker.start();
        stop = () => tracker.stop();
      })
      .catch(() => {
        // The sending code did not load (offline): the page works without progress.
      });
    return () => {
      stopped = true;
      stop();
    };
  }, [learnerKey, anonymous, course, lesson, duration]);
}
