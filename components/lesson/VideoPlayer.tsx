'use client';

import type { KeyboardEvent, RefObject } from 'react';
import { localeNames, localeTags, type Locale } from '@/lib/i18n/locales';
import { videoKeyAction } from '@/lib/player/keys';
import { playbackSpeeds } from '@/lib/progress/rules';

type Labels = Record<'video' | 'speed' | 'videoFallback' | 'downloadVideo' | 'keyboard', string>;
type Media = { video: string; poster: string; captions: { locale: Locale; url: string }[] };

type Props = { video: RefObject<HTMLVideoElement | null>; media: Media; locale: Locale; seek: (seconds: number) => void; labels: Labels };

/** The video with captions in every locale (the page's on by default), keyboard control and a speed choice. */
export function VideoPlayer({ video, media, locale, seek, labels }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLVideoElement>) => {
    const action = videoKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    const element = event.currentTarget;
    if (action.type === 'seekBy') seek(element.currentTime + action.seconds);
    else if (element.paused) void element.play();
    else element.pause();
  };
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
        onKeyDown={onKeyDown}
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
    </>
  );
}
