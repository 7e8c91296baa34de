'use client';

import { lazy, Suspense, useCallback, useRef } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { paragraphSeekTime } from '@/lib/player/playback';
import { setActiveParagraph } from '@/lib/player/store';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { Span } from '@/lib/content/transcript-timing';
import { Transcript, type JumpTarget } from './Transcript';
import { useActiveParagraph } from './useActiveParagraph';
import { useWatchTracking } from './useWatchTracking';
import { VideoPlayer } from './VideoPlayer';

// Only a signed-in learner has a position to resume: visitors never load it.
const ResumeBar = lazy(() => import('./learner-only').then((parts) => ({ default: parts.ResumeBar })));

type Labels = Record<
  'video' | 'speed' | 'videoFallback' | 'downloadVideo' | 'transcript' | 'autoScroll' | 'copy' | 'copied' | 'download' | 'keyboard' | 'resumedAt' | 'startOver' | 'resumeAt',
  string
>;

type Props = {
  course: string;
  lesson: string;
  duration: number;
  locale: Locale;
  textLocale: Locale;
  /** Each paragraph's id and time span: what following the video needs (the text comes as `transcript`). */
  spans: Span[];
  /** Where the HTML render finds the transcript's paragraphs, rendered on the server (transcript-slot.ts). */
  transcriptSlot: string;
  media: { video: string; poster: string; captions: { locale: Locale; url: string }[] };
  transcriptUrl: string;
  labels: Labels;
  /** Where the page's language is not the video's: says the video is in Italian, with captions in the page's language on. */
  videoNote?: string;
};

/**
 * The lesson's player, put together: the video (VideoPlayer) beside the
 * transcript (Transcript), the paragraph being spoken (useActiveParagraph,
 * shared through lib/player/store), watching tracked (useWatchTracking), and a
 * learner taken back to where they left off (ResumeBar).
 */
export function LessonMedia({ course, lesson, duration, locale, textLocale, spans, transcriptSlot, media, transcriptUrl, labels, videoNote }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const seek = useCallback((seconds: number) => {
    const element = video.current;
    if (element) element.currentTime = Math.max(0, seconds);
  }, []);
  useWatchTracking(video, { course, lesson, duration });
  useActiveParagraph(video, spans, seek);
  const learner = useCourseProgress(course).kind === 'learner';
  const isPlaying = useCallback(() => video.current?.paused === false, []);

  const jump = (paragraph: JumpTarget) => {
    seek(paragraphSeekTime(paragraph.start));
    setActiveParagraph(paragraph.id);
    history.replaceState(null, '', `#${paragraph.id}`);
  };

  return (
    <div className="lesson-media">
      <div className="lesson-media__player">
        <VideoPlayer video={video} media={media} locale={locale} seek={seek} labels={labels} />
        {videoNote && (
          <p className="small video-note" data-testid="video-language">
            {videoNote}
          </p>
        )}
        {learner && (
          <Suspense>
            <ResumeBar video={video} seek={seek} course={course} lesson={lesson} duration={duration} labels={labels} />
          </Suspense>
        )}
      </div>
      <Transcript slot={transcriptSlot} textLocale={textLocale} transcriptUrl={transcriptUrl} isPlaying={isPlaying} onJump={jump} labels={labels} />
    </div>
  );
}
