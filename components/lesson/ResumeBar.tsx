'use client';

import type { RefObject } from 'react';
import { clock } from '@/lib/format';
import { useResume } from './useResume';

type Props = {
  video: RefObject<HTMLVideoElement | null>;
  seek: (seconds: number) => void;
  course: string;
  lesson: string;
  duration: number;
  labels: Record<'resumedAt' | 'startOver' | 'resumeAt', string>;
};

/**
 * Under the video, for a signed-in learner (loaded only for them): where they
 * were taken back to ("Resumed at 3:12 · Start over"), or, when the video was
 * already playing, where they could go back to ("Resume at 3:12").
 */
export default function ResumeBar({ video, seek, course, lesson, duration, labels }: Props) {
  const { state, startOver, resume } = useResume(video, seek, { course, lesson, duration });
  if (!state) return null;
  const time = clock(state.at);
  return (
    <p className="resume-bar" role="status" data-testid={`resume-${state.kind}`}>
      {state.kind === 'resumed' && labels.resumedAt.replace('{time}', time)}
      <button type="button" className="button button--quiet button--small" onClick={state.kind === 'resumed' ? startOver : resume}>
        {state.kind === 'resumed' ? labels.startOver : labels.resumeAt.replace('{time}', time)}
      </button>
    </p>
  );
}
