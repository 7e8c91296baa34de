'use client';

import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { localeTags, type Locale } from '@/lib/i18n/locales';
import { requestReport, usePlayerState } from '@/lib/player/store';
import { takeHtmlSlot } from './html-slots';

/** Where a click on a paragraph seeks to. */
export type JumpTarget = { id: string; start: number };
type Labels = Record<'transcript' | 'autoScroll' | 'copy' | 'copied' | 'download', string>;

type Props = {
  /** Where the HTML render finds the paragraphs, rendered on the server (components/lesson/mdx): `<li data-paragraph data-start>` each. */
  slot: string;
  textLocale: Locale;
  transcriptUrl: string;
  /** Whether the video is playing: the spoken paragraph is kept in view only then. */
  isPlaying: () => boolean;
  onJump: (target: JumpTarget) => void;
  labels: Labels;
};

/**
 * In the browser the list's content is the server's HTML, kept as it is: React
 * hydrates an element with `dangerouslySetInnerHTML` without looking inside,
 * and never writes it again while this same object is passed (a new one, even
 * with the same text, would empty the list).
 */
const serverHtml = { __html: '' };

/** The list's paragraphs: from the HTML render's slot on the server, the server's own DOM in the browser. */
function listContent(slot: string) {
  return typeof window === 'undefined' ? { children: takeHtmlSlot(slot) } : { dangerouslySetInnerHTML: serverHtml };
}

/** The words of the transcript as shown (corrections included), paragraphs separated by a blank line. */
function transcriptText(list: HTMLElement): string {
  return Array.from(list.querySelectorAll<HTMLElement>('.transcript__text'), (text) => (text.textContent ?? '').replace(/\s+/g, ' ').trim()).join('\n\n');
}

/**
 * The transcript beside the video. Its paragraphs arrive as server-rendered
 * HTML only (the text travels once: not in the RSC payload, see html-slots.ts);
 * this island takes them over through their data attributes: the spoken one is highlighted and kept in view, a click seeks, the
 * ⚑ asks the report form (through the store) to report on it, copy and download.
 */
export function Transcript({ slot, textLocale, transcriptUrl, isPlaying, onJump, labels }: Props) {
  const active = usePlayerState((state) => state.active);
  const reveal = usePlayerState((state) => state.reveal);
  const revealed = useRef(0);
  const list = useRef<HTMLOListElement>(null);
  const [follow, setFollow] = useState(true);
  const [copied, setCopied] = useState(false);

  // Rendered in the browser rather than hydrated (React recovering from a mismatch): the list is empty, take the server's.
  useEffect(() => {
    const container = list.current;
    if (!container || container.childElementCount > 0) return;
    void fetch(location.pathname)
      .then((response) => response.text())
      .then((html) => {
        const served = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-testid="transcript"]');
        if (served && container.childElementCount === 0) container.innerHTML = served.innerHTML;
      });
  }, []);

  // The highlight is an attribute on the server's <li>: React does not render those items again.
  useEffect(() => {
    const container = list.current;
    if (!container) return;
    for (const item of container.querySelectorAll('[aria-current]')) item.removeAttribute('aria-current');
    const item = active ? container.querySelector<HTMLElement>(`[data-paragraph="${CSS.escape(active)}"]`) : null;
    item?.setAttribute('aria-current', 'true');
    // Keep the spoken paragraph in view inside the transcript's own scroll box;
    // after a resume (a reveal request) even while paused, once.
    const revealing = reveal !== revealed.current;
    if (item && follow && (isPlaying() || revealing)) {
      container.scrollTo({ top: item.offsetTop - container.offsetTop - 16, behavior: revealing ? 'instant' : 'smooth' });
      revealed.current = reveal;
    }
  }, [active, follow, isPlaying, reveal]);

  const onClick = (event: MouseEvent<HTMLOListElement>) => {
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLElement>('[data-paragraph]');
    if (!item) return;
    const report = target.closest<HTMLElement>('[data-report]');
    if (report) {
      requestReport(report.dataset.report!);
      return;
    }
    const link = target.closest('a');
    // A link in the text (another lesson, a page) is followed; the time link and the rest of the paragraph seek.
    if (link && !link.classList.contains('transcript__time')) return;
    event.preventDefault();
    onJump({ id: item.dataset.paragraph!, start: Number(item.dataset.start) });
  };

  const copy = async () => {
    if (!list.current) return;
    await navigator.clipboard.writeText(transcriptText(list.current));
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
      {/* Clicks are handled here for every paragraph; each paragraph's time link is the keyboard's way to seek. */}
      <ol className="transcript__list" ref={list} data-testid="transcript" onClick={onClick} suppressHydrationWarning {...listContent(slot)} />
    </section>
  );
}
