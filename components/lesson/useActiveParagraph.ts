'use client';

import { useEffect, type RefObject } from 'react';
import { activeParagraph, startOf, type Span } from '@/lib/content/transcript-timing';
import { paragraphSeekTime } from '@/lib/player/playback';
import { setActiveParagraph } from '@/lib/player/store';

/**
 * Keeps the store's active paragraph on the one being spoken, and opens the
 * lesson at #paragraph-id (seeking there; the browser already scrolled to it).
 */
export function useActiveParagraph(video: RefObject<HTMLVideoElement | null>, paragraphs: Span[], seek: (seconds: number) => void): void {
  useEffect(() => {
    const openHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const start = startOf(paragraphs, id);
      if (start === undefined) return;
      seek(paragraphSeekTime(start));
      setActiveParagraph(id);
    };
    openHash();
    window.addEventListener('hashchange', openHash);
    return () => window.removeEventListener('hashchange', openHash);
  }, [paragraphs, seek]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const update = () => setActiveParagraph(activeParagraph(paragraphs, element.currentTime));
    element.addEventListener('timeupdate', update);
    element.addEventListener('seeked', update);
    return () => {
      element.removeEventListener('timeupdate', update);
      element.removeEventListener('seeked', update);
    };
  }, [video, paragraphs]);
}
