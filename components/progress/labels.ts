import type { Translate } from '@/lib/i18n/messages';
import { quizPassPercent, videoCompleteRatio } from '@/lib/progress/rules';

/** The percentages a lesson needs, as the pages say them (from the one home of the rules). */
export const needed = { video: Math.round(videoCompleteRatio * 100), quiz: quizPassPercent } as const;

const nextStepKeys = ['nextStart', 'nextContinue', 'missingVideo', 'missingQuiz', 'missingBoth', 'review'] as const;
const lessonLineKeys = ['cardVideoDone', 'cardVideo', 'cardQuizDone', 'cardQuiz', 'cardQuizNone', 'complete', 'inProgress', 'notStarted'] as const;

export type NextStepLabels = Record<(typeof nextStepKeys)[number], string>;
export type LessonLineLabels = Record<(typeof lessonLineKeys)[number], string>;
export type CourseProgressLabels = NextStepLabels & Record<'heading' | 'coursePercent' | 'lessonsDone' | 'rules' | 'certificate', string>;

const pick = <K extends string>(t: Translate, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, t(`progress.${key}` as never)])) as Record<K, string>;

/** The rule in words: what completes a lesson, and what the course percent counts. */
export function rulesText(t: Translate): string {
  return `${t('progress.rule', { video: needed.video, quiz: needed.quiz })} ${t('progress.courseRule')}`;
}

export function nextStepLabels(t: Translate): NextStepLabels {
  return { ...pick(t, nextStepKeys), nextStart: t('course.start') };
}

export function lessonLineLabels(t: Translate): LessonLineLabels {
  return pick(t, lessonLineKeys);
}

/** The progress card's texts, picked on the server so the client gets strings, not catalogs. */
export function courseProgressLabels(t: Translate): CourseProgressLabels {
  return {
    ...nextStepLabels(t),
    heading: t('progress.heading'),
    coursePercent: t('progress.coursePercent'),
    lessonsDone: t('progress.lessonsDone'),
    rules: rulesText(t),
    certificate: t('progress.certificate'),
  };
}
