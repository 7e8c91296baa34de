import { quizPassPercent, videoCompleteRatio } from './rules';

export { quizPassPercent, videoCompleteRatio } from './rules';

export function isVideoComplete(watchedSeconds: number, duration: number): boolean {
  return duration > 0 && watchedSeconds >= duration * videoCompleteRatio;
}

export function isQuizPassed(percent: number | null | undefined): boolean {
  return percent != null && percent >= quizPassPercent;
}

/** Watched percentage for display: floor, so 89.9 % never shows as a complete 90 %. */
export function watchedPercent(watchedSeconds: number, duration: number): number {
  return duration > 0 ? Math.min(100, Math.floor((watchedSeconds / duration) * 100)) : 0;
}

/** A lesson's share of the course, 0–100: the video (to 90 % coverage) counts 80, the passed quiz 20. */
export function lessonPoints(lesson: { watchedPercent: number; quizPassed: boolean }): number {
  const video = Math.min(1, lesson.watchedPercent / (videoCompleteRatio * 100)) * 80;
  return Math.floor(video + (lesson.quizPassed ? 20 : 0));
}

export function coursePercent(lessons: { watchedPercent: number; quizPassed: boolean }[]): number {
  if (lessons.length === 0) return 0;
  return Math.floor(lessons.reduce((sum, lesson) => sum + lessonPoints(lesson), 0) / lessons.length);
}
