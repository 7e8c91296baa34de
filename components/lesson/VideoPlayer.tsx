'use client';

import { useEffect, useState, type RefObject } from 'react';
import { localeNames, localeTags, type Locale } from '@/lib/i18n/locales';
import { videoKeyAction } from '@/lib/player/keys';
import { clampRate, rememberRate, savedRate } from '@/lib/player/playback';
import { playbackSpeeds } from '@/lib/progress/rules';

type Labels = Record<'video' | 'speed' | 'videoFallback' | 'downloadVideo' | 'keyboard', string>;
type Media = { video: string; poster: string; captions: { locale: Locale; url: string }[] };

type Props = { video: RefObject<HTMLVideoElement | null>; media: Media; locale: Locale; seek: (seconds: number) => void; labels: Labels };

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Fires `ratechange`, where the speed is clamped, remembered and shown. */
function setRate(element: HTMLVideoElement, rate: number): void {
  element.playbackRate = rate;
}

/**
 * The video with captions in every locale (the page's on by default), keyboard
 * control and a speed choice that is remembered and follows the browser's own
 * speed menu.
 */
export function VideoPlayer({ video, media, locale, seek, labels }: Props) {
  const [speed, setSpeed] = useState(1);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // Taken before the native controls: they would toggle a second time, or seek by their own step.
    const onKeyDown = (event: KeyboardEvent) => {
      const action = event.target === element && !event.altKey && !event.ctrlKey && !event.metaKey ? videoKeyAction(event.key) : undefined;
      if (!action) return;
      event.preventDefault();
      if (action.type === 'seekBy') seek(element.currentTime + action.seconds);
      else if (element.paused) void element.play();
      else element.pause();
    };
    // Our menu and the browser's both change playbackRate: remember it, and never go faster than the server credits.
    const onRateChange = () => {
      const rate = clampRate(element.playbackRate);
      if (rate !== element.playbackRate) return setRate(element, rate);
      element.defaultPlaybackRate = rate;
      rememberRate(storage(), rate);
      setSpeed(rate);
    };
    element.addEventListener('keydown', onKeyDown, true);
    element.addEventListener('ratechange', onRateChange);
    const saved = savedRate(storage());
    if (saved) setRate(element, saved);
    return () => {
      element.removeEventListener('keydown', onKeyDown, true);
      element.removeEventListener('ratechange', onRateChange);
    };
  }, [video, seek]);

  const speeds: readonly number[] = playbackSpeeds.includes(speed as never) ? playbackSpeeds : [...playbackSpeeds, speed].sort((a, b) => a - b);
  return (
    <>
      <video
        ref={video}
        className="video"
        controls
        preload="metadata"
        playsInline
        poster={media.poster}
        aria-label={labels.video}
        aria-describedby="video-keys"
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
      <div className="player-bar">
        <label className="needs-js">
          {labels.speed}{' '}
          <select
            className="input input--inline"
            value={speed}
            onChange={(event) => {
              if (video.current) setRate(video.current, Number(event.target.value));
            }}
            data-testid="speed"
          >
            {speeds.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <p id="video-keys" className="muted small needs-js">
          {labels.keyboard}
        </p>
      </div>
    </>
  );
}
