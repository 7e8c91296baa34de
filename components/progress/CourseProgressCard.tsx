'use client';

import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { CourseProgressLabels as Labels } from './labels';
import { NextStep } from './NextStep';
import { ProgressBar } from './ProgressBar';

type Props = { course: string; href: string; lessons: { slug: string }[]; labels: Labels };

/**
 * The learner's progress in a course: the percent (lessons complete), the rule
 * in words, and the next step. Nothing for visitors; a placeholder of its size
 * while a signed-in learner's progress is on its way (shown by CSS only where
 * the signed-in hint is set).
 */
export function CourseProgressCard({ course, href, lessons, labels }: Props) {
  const progress = useCourseProgress(course);
  if (progress.kind === 'unknown') return <div className="course-progress course-progress--pending" aria-hidden="true" />;
  if (progress.kind !== 'learner') return null;
  const { coursePercent, lessons: statuses, certificate } = progress.course;
  const percentText = interpolate(labels.coursePercent, { percent: coursePercent });
  const done = statuses.filter((status) => status.complete).length;
  return (
    <div className="course-progress" data-testid="course-progress">
      <p className="course-progress__title">
        <strong>{labels.heading}</strong> · <span data-testid="course-percent">{percentText}</span>
      </p>
      <ProgressBar percent={coursePercent} label={percentText} />
      <p className="course-progress__rule small">
        <span data-testid="lessons-done">{interpolate(labels.lessonsDone, { done, total: lessons.length })}</span>. {labels.rules}
      </p>
      <p className="course-progress__actions">
        <NextStep status={progress.course} href={href} lessons={lessons} labels={labels} />
        {certificate && (
          <a className="button button--quiet" href={certificate.url}>
            {labels.certificate}
          </a>
        )}
      </p>
    </div>
  );
}
