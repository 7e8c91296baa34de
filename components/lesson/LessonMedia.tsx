'use client';

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { activeParagraph, startOf } from '@/lib/content/transcript-timing';
import { applyLessonStatus, useCourseProgress } from '@/lib/progress/client-store';
import { playbackSpeeds } from '@/lib/progress/rules';
import { WatchTracker } from '@/lib/progress/tracker';
import { clock } from '@/lib/format';
import { localeNames, localeTags, type Locale } from '@/lib/i18n/locales';

type Paragraph = { id: string; text: string; start: number; end: number };
type Labels = Record<'video' | 'speed' | 'videoFallback' | 'downloadVideo' | 'transcript' | 'autoScroll' | 'copy' | 'copied' | 'download' | 'jumpTo' | 'keyboard' | 'resumedAt' | 'startOver' | 'report', string>;

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
 * highlighted (and kept in view unless turned off), a paragraph click or Enter
 * seeks there, and #paragraph-id in the URL opens the lesson at it.
 */
export function LessonMedia({ course, lesson, duration, locale, textLocale, paragraphs, media, transcriptUrl, labels }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [active, setActive] = useState<string | undefined>();
  const [follow, setFollow] = useState(true);
  const [copied, setCopied] = useState(false);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const progress = useCourseProgress(course);
  const learner = progress.kind === 'learner';
  const savedPosition = learner ? (progress.course.lessons.find((item) => item.lesson === lesson)?.position ?? 0) : 0;
  const resumeDone = useRef(false);

  // Signed-in learners only: report what is actually watched. Visitors send nothing.
  useEffect(() => {
    const element = video.current;
    if (!learner || !element) return;
    const tracker = new WatchTracker(element, { course, lesson, duration, onStatus: (status) => applyLessonStatus(course, status) });
    tracker.start();
    return () => tracker.stop();
  }, [learner, course, lesson, duration]);

  // Resume where the learner left off (not near the end, not when a #paragraph was asked for).
  useEffect(() => {
    const element = video.current;
    if (!learner || resumeDone.current || !element) return;
    resumeDone.current = true;
    if (window.location.hash || savedPosition < 5 || savedPosition > duration - 15 || element.currentTime > 0) return;
    element.currentTime = savedPosition;
    queueMicrotask(() => setResumedAt(savedPosition));
  }, [learner, savedPosition, duration]);

  const seek = useCallback((seconds: number) => {
    const element = video.current;
    if (element) element.currentTime = Math.max(0, seconds);
  }, []);

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

  // Keep the spoken paragraph in view inside the transcript's own scroll box.
  useEffect(() => {
    const container = list.current;
    if (!follow || !active || !container || video.current?.paused) return;
    const item = container.querySelector<HTMLElement>(`[data-paragraph="${active}"]`);
    if (item) container.scrollTo({ top: item.offsetTop - container.offsetTop - 16, behavior: 'smooth' });
  }, [active, follow]);

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

  // Presets the report form (#report, below) to this paragraph and takes the reader there.
  const report = (id: string) => {
    const where = document.getElementById('report-where') as HTMLSelectElement | null;
    if (where) where.value = `paragraph:${id}`;
    document.getElementById('report')?.scrollIntoView();
    document.getElementById('report-message')?.focus();
  };

  const copy = async () => {
    await navigator.clipboard.writeText(paragraphs.map((p) => p.text).join('\n\n'));
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
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
            <track
              key={track.locale}
              kind="captions"
              src={track.url}
              srcLang={localeTags[track.locale]}
              label={localeNames[track.locale]}
              default={track.locale === locale}
            />
          ))}
          <p>
            {labels.videoFallback} <a href={media.video}>{labels.downloadVideo}</a>
          </p>
        </video>
        {resumedAt !== null && (
          <p className="resume-bar" role="status">
            {labels.resumedAt.replace('{time}', clock(resumedAt))}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                seek(0);
                setResumedAt(null);
              }}
            >
              {labels.startOver}
            </button>
          </p>
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
      <section className="transcript" aria-labelledby="transcript-title" lang={localeTags[textLocale]}>
        <div className="transcript__bar">
          <h2 id="transcript-title">{labels.transcript}</h2>
          <label className="toggle">
            <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} /> {labels.autoScroll}
          </label>
          <button type="button" className="button button--quiet button--small" onClick={copy}>
            {copied ? labels.copied : labels.copy}
          </button>
          <a className="button button--quiet button--small" href={transcriptUrl} download>
            {labels.download}
          </a>
        </div>
        <ol className="transcript__list" ref={list} data-testid="transcript">
          {paragraphs.map((paragraph) => (
            <li
              key={paragraph.id}
              id={paragraph.id}
              data-paragraph={paragraph.id}
              data-start={paragraph.start}
              aria-current={paragraph.id === active ? 'true' : undefined}
              className="transcript__item"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) event.preventDefault();
                jump(paragraph);
              }}
            >
              <a className="transcript__time" href={`#${paragraph.id}`} aria-label={labels.jumpTo.replace('{time}', clock(paragraph.start))}>
                {clock(paragraph.start)}
              </a>
              <p>{paragraph.text}</p>
              <button
                type="button"
                className="transcript__report"
                aria-label={labels.report}
                title={labels.report}
                onClick={(event) => {
                  event.stopPropagation();
                  report(paragraph.id);
                }}
              >
                ⚑
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
