'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { activeParagraph, startOf } from '@/lib/content/transcript-timing';
import { useCourseProgress } from '@/lib/progress/client-store';
import { playbackSpeeds } from '@/lib/progress/rules';
import { localeNames, localeTags, type Locale } from '@/lib/i18n/locales';
import { Transcript, type Paragraph } from './Transcript';
import { useWatchTracking } from './useWatchTracking';

// Only a signed-in learner has a position to resume: visitors never load it.
const ResumeBar = lazy(() => import('./learner-only').then((parts) => ({ default: parts.ResumeBar })));

type Labels = Record<
  'video' | 'speed' | 'videoFallback' | 'downloadVideo' | 'transcript' | 'autoScroll' | 'copy' | 'copied' | 'download' | 'jumpTo' | 'keyboard' | 'resumedAt' | 'startOver' | 'resumeAt' | 'report',
  string
>;

type Props = {
  course: string;
  lesson: string;
  duration: number;
  locale: Locale;
  textLocale: Locale;
  paragraphs: Paragraph[];
  media: { video: string; poster: string; captions: { locale: Locale; url: string }[] };
  transcriptUrl: string;
  labels: Labels;
};

/**
 * The video with its captions beside the transcript: the spoken paragraph is
 * highlighted, a paragraph click or Enter seeks there, and #paragraph-id in the
 * URL opens the lesson at it. Watching is tracked by useWatchTracking; a
 * learner is taken back to where they left off by ResumeBar.
 */
export function LessonMedia({ course, lesson, duration, locale, textLocale, paragraphs, media, transcriptUrl, labels }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [active, setActive] = useState<string | undefined>();
  const seek = useCallback((seconds: number) => {
    const element = video.current;
    if (element) element.currentTime = Math.max(0, seconds);
  }, []);
  useWatchTracking(video, { course, lesson, duration });
  const learner = useCourseProgress(course).kind === 'learner';
  const isPlaying = useCallback(() => video.current?.paused === false, []);

  // Open at #paragraph: seek there and mark it (the browser already scrolled to it).
  useEffect(() => {
    const openHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const start = startOf(paragraphs, id);
      if (start === undefined) return;
      seek(start);
      setActive(id);
    };
    openHash();
    window.addEventListener('hashchange', openHash);
    return () => window.removeEventListener('hashchange', openHash);
  }, [paragraphs, seek]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const update = () => setActive(activeParagraph(paragraphs, element.currentTime));
    element.addEventListener('timeupdate', update);
    element.addEventListener('seeked', update);
    return () => {
      element.removeEventListener('timeupdate', update);
      element.removeEventListener('seeked', update);
    };
  }, [paragraphs]);

  const onVideoKey = (event: KeyboardEvent<HTMLVideoElement>) => {
    const element = event.currentTarget;
    const step: Record<string, number> = { j: -10, l: 10, ArrowLeft: -5, ArrowRight: 5 };
    if (event.key === ' ' || event.key === 'k') {
      event.preventDefault();
      if (element.paused) void element.play();
      else element.pause();
    } else if (event.key in step) {
      event.preventDefault();
      seek(element.currentTime + step[event.key]!);
    }
  };

  const jump = (paragraph: Paragraph) => {
    seek(paragraph.start);
    setActive(paragraph.id);
    history.replaceState(null, '', `#${paragraph.id}`);
  };

  return (
    <div className="lesson-media">
      <div className="lesson-media__player">
        <video
          ref={video}
          className="video"
          controls
          preload="metadata"
          playsInline
          poster={media.poster}
          aria-label={labels.video}
          aria-describedby="video-keys"
          onKeyDown={onVideoKey}
          data-testid="lesson-video"
        >
          <source src={media.video} type="video/mp4" />
          {media.captions.map((track) => (
            <track key={track.locale} kind="captions" src={track.url} srcLang={localeTags[track.locale]} label={localeNames[track.locale]} default={track.locale === locale} />
          ))}
          <p>
            {labels.videoFallback} <a href={media.video}>{labels.downloadVideo}</a>
          </p>
        </video>
        {learner && (
          <Suspense>
            <ResumeBar video={video} seek={seek} course={course} lesson={lesson} duration={duration} labels={labels} />
          </Suspense>
        )}
        <div className="player-bar">
          <label>
            {labels.speed}{' '}
            <select
              className="input input--inline"
              defaultValue="1"
              onChange={(event) => {
                if (video.current) video.current.playbackRate = Number(event.target.value);
              }}
            >
              {playbackSpeeds.map((speed) => (
                <option key={speed} value={speed}>
                  {speed}×
                </option>
              ))}
            </select>
          </label>
          <p id="video-keys" className="muted small">
            {labels.keyboard}
          </p>
        </div>
      </div>
      <Transcript paragraphs={paragraphs} textLocale={textLocale} transcriptUrl={transcriptUrl} active={active} isPlaying={isPlaying} onJump={jump} labels={labels} />
    </div>
  );
}
