import { fastestPlaybackRate } from '@/lib/progress/rules';

/** Where the learner's playback speed is remembered, for every lesson. */
export const speedStorageKey = 'aula:playback-rate';

/**
 * A speed the player keeps: from our menu or the browser's own, never faster
 * than the server credits (rules.fastestPlaybackRate); nonsense means normal speed.
 */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate) || rate <= 0) return 1;
  return Math.min(rate, fastestPlaybackRate);
}

/** The remembered speed, or undefined (nothing stored, storage blocked, or a value that is not a speed). */
export function savedRate(storage: Pick<Storage, 'getItem'> | undefined): number | undefined {
  try {
    const stored = storage?.getItem(speedStorageKey);
    const rate = stored ? Number(stored) : NaN;
    return Number.isFinite(rate) && rate > 0 ? clampRate(rate) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberRate(storage: Pick<Storage, 'setItem'> | undefined, rate: number): void {
  try {
    storage?.setItem(speedStorageKey, String(clampRate(rate)));
  } catch {
    // Storage full or blocked: the speed is simply not remembered.
  }
}

/**
 * Where a click on a transcript paragraph seeks: a moment after its start, so
 * the caption that ends there is gone and only the paragraph's own shows.
 */
export function paragraphSeekTime(start: number): number {
  return start + 0.1;
}
