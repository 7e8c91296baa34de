import { allowanceCapSeconds, fastestPlaybackRate, videoCompleteRatio } from './rules';

export type WatchedVideo = { lesson: string; duration: number; firstActivityAt: Date; videoCompletedAt: Date };
export type AuditFinding = {
  /** The lessons involved, in order of completion. */
  lessons: string[];
  /** Seconds of video the rules require to have been credited. */
  requiredSeconds: number;
  /** The most the allowance could have credited in the time that passed. */
  possibleSeconds: number;
  /** Wall-clock seconds from the first activity to the last completion. */
  elapsedSeconds: number;
};

/** Beyond what the allowance could give, a second of slack per lesson for rounding. */
const slackSeconds = 1;

/** The most credit one learner's allowance can give over `seconds` of wall-clock time: a full allowance at the start, then the fastest speed. */
export function possibleCredit(seconds: number): number {
  return allowanceCapSeconds + Math.max(0, seconds) * fastestPlaybackRate;
}

function check(videos: WatchedVideo[]): AuditFinding | undefined {
  const start = Math.min(...videos.map((v) => v.firstActivityAt.getTime()));
  const end = Math.max(...videos.map((v) => v.videoCompletedAt.getTime()));
  const elapsedSeconds = Math.max(0, (end - start) / 1000);
  const requiredSeconds = videos.reduce((sum, v) => sum + v.duration * videoCompleteRatio, 0);
  const possibleSeconds = possibleCredit(elapsedSeconds);
  if (requiredSeconds <= possibleSeconds + slackSeconds * videos.length) return undefined;
  return { lessons: videos.map((v) => v.lesson), requiredSeconds, possibleSeconds, elapsedSeconds };
}

/**
 * Whether a learner's watched videos came faster than one watching allowance
 * allows: each video alone, and every run of videos completed one after the
 * other (which catches several played at once). Videos completed before the
 * allowance was per learner could be watched in parallel: those are the ones
 * this finds. Returns the worst finding, or undefined.
 */
export function auditLearner(videos: WatchedVideo[]): AuditFinding | undefined {
  const sorted = [...videos].sort((a, b) => a.videoCompletedAt.getTime() - b.videoCompletedAt.getTime());
  let worst: AuditFinding | undefined;
  for (let first = 0; first < sorted.length; first++) {
    for (let last = first; last < sorted.length; last++) {
      const finding = check(sorted.slice(first, last + 1));
      if (finding && (!worst || finding.requiredSeconds - finding.possibleSeconds > worst.requiredSeconds - worst.possibleSeconds)) worst = finding;
    }
  }
  return worst;
}
