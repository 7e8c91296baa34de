/** No resume this close to the start: the learner barely began. */
export const resumeMinSeconds = 5;
/** Nor this close to the end: they finished, and would land on the last frame. */
export const resumeEndMarginSeconds = 15;

export type ResumeChoice = 'none' | 'seek' | 'offer';

type Situation = {
  saved: number;
  duration: number;
  /** A #paragraph was asked for in the URL: that wins. */
  hash: boolean;
  currentTime: number;
  paused: boolean;
  /** The video has played something this visit. */
  played: boolean;
};

/**
 * What to do with the saved position when it arrives: seek there if the video
 * is untouched; if it is playing or was played (or moved), never move it — offer
 * the saved position instead, unless the learner is already about there.
 */
export function resumeChoice({ saved, duration, hash, currentTime, paused, played }: Situation): ResumeChoice {
  if (hash || saved < resumeMinSeconds || saved > duration - resumeEndMarginSeconds) return 'none';
  if (paused && !played && currentTime === 0) return 'seek';
  return Math.abs(currentTime - saved) < resumeMinSeconds ? 'none' : 'offer';
}
