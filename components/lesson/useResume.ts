'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { useCourseProgress } from '@/lib/progress/client-store';
import { revealActive } from '@/lib/player/store';
import { resumeChoice } from '@/lib/progress/resume';

/** What the bar under the video shows: "Resumed at 3:12 · Start over", or "Resume at 3:12". */
export type ResumeState = { kind: 'resumed' | 'offer'; at: number } | null;

/**
 * Takes a learner back to where they left off, once, when their progress
 * arrives. A late answer never moves a video already playing: it offers the
 * saved position instead.
 */
export function useResume(
  video: RefObject<HTMLVideoElement | null>,
  seek: (seconds: number) => void,
  { course, lesson, duration }: { course: string; lesson: string; duration: number },
) {
  const [state, setState] = useState<ResumeState>(null);
  const progress = useCourseProgress(course);
  const saved = progress.kind === 'learner' ? (progress.course.lessons.find((item) => item.lesson === lesson)?.position ?? 0) : null;
  const decided = useRef(false);

  useEffect(() => {
    const element = video.current;
    if (saved === null || decided.current || !element) return;
    decided.current = true;
    const choice = resumeChoice({
      saved,
      duration,
      hash: Boolean(window.location.hash),
      currentTime: element.currentTime,
      paused: element.paused,
      played: element.played.length > 0,
    });
    if (choice === 'seek') {
      // Once there, the transcript shows the paragraph being resumed, playing or not.
      element.addEventListener('seeked', revealActive, { once: true });
      seek(saved);
    }
    if (choice !== 'none') queueMicrotask(() => setState({ kind: choice === 'seek' ? 'resumed' : 'offer', at: saved }));
  }, [video, seek, saved, duration]);

  const goTo = (seconds: number) => {
    seek(seconds);
    setState(null);
  };

  return { state, startOver: () => goTo(0), resume: () => goTo(state?.at ?? 0) };
}
