'use client';

import { useEffect, useRef, useState } from 'react';
import { clock } from '@/lib/format';
import { interpolate } from '@/lib/i18n/interpolate';
import { localeTags, type Locale } from '@/lib/i18n/locales';
import { requestReport, usePlayerState } from '@/lib/player/store';

export type Paragraph = { id: string; text: string; start: number; end: number };
type Labels = Record<'transcript' | 'autoScroll' | 'copy' | 'copied' | 'download' | 'jumpTo' | 'report', string>;

type Props = {
  paragraphs: Paragraph[];
  textLocale: Locale;
  transcriptUrl: string;
  /** Whether the video is playing: the spoken paragraph is kept in view only then. */
  isPlaying: () => boolean;
  onJump: (paragraph: Paragraph) => void;
  labels: Labels;
};

/** The transcript beside the video: highlighted as it is spoken, a click seeks, copy and download, a ⚑ per paragraph that asks the report form (through the store) to report on it. */
export function Transcript({ paragraphs, textLocale, transcriptUrl, isPlaying, onJump, labels }: Props) {
  const active = usePlayerState((state) => state.active);
  const list = useRef<HTMLOListElement>(null);
  const [follow, setFollow] = useState(true);
  const [copied, setCopied] = useState(false);

  // Keep the spoken paragraph in view inside the transcript's own scroll box.
  useEffect(() => {
    const container = list.current;
    if (!follow || !active || !container || !isPlaying()) return;
    const item = container.querySelector<HTMLElement>(`[data-paragraph="${active}"]`);
    if (item) container.scrollTo({ top: item.offsetTop - container.offsetTop - 16, behavior: 'smooth' });
  }, [active, follow, isPlaying]);

  const copy = async () => {
    await navigator.clipboard.writeText(paragraphs.map((p) => p.text).join('\n\n'));
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };

  return (
    <section className="transcript" aria-labelledby="transcript-title" lang={localeTags[textLocale]}>
      <div className="transcript__bar">
        <h2 id="transcript-title">{labels.transcript}</h2>
        <label className="toggle needs-js">
          <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} /> {labels.autoScroll}
        </label>
        <button type="button" className="button button--quiet button--small needs-js" onClick={copy}>
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
              onJump(paragraph);
            }}
          >
            <a className="transcript__time" href={`#${paragraph.id}`} aria-label={interpolate(labels.jumpTo, { time: clock(paragraph.start) })}>
              {clock(paragraph.start)}
            </a>
            <p>{paragraph.text}</p>
            <button
              type="button"
              className="transcript__report needs-js"
              aria-label={labels.report}
              title={labels.report}
              onClick={(event) => {
                event.stopPropagation();
                requestReport(`paragraph:${paragraph.id}`);
              }}
            >
              ⚑
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
