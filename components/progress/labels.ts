import type { Translate } from '@/lib/i18n/messages';

export type CourseProgressLabels = Record<'heading' | 'coursePercent' | 'resume' | 'review' | 'certificate', string>;

/** The progress card's texts, picked on the server so the client gets strings, not catalogs. */
export function courseProgressLabels(t: Translate): CourseProgressLabels {
  return {
    heading: t('progress.heading'),
    coursePercent: t('progress.coursePercent'),
    resume: t('progress.resume'),
    review: t('progress.review'),
    certificate: t('progress.certificate'),
  };
}
