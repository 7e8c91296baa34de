'use client';

import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { CourseProgressLabels as Labels } from './labels';
import { ProgressBar } from './ProgressBar';

/** The learner's progress in a course with a link to carry on; nothing for visitors. */
export function CourseProgressCard({ course, href, lessons, labels }: { course: string; href: string; lessons: { slug: string; title: string }[]; labels: Labels }) {
  const progress = useCourseProgress(course);
  if (progress.kind !== 'learner') return null;
  const { coursePercent, lessons: statuses, certificate } = progress.course;
  const statusOf = (slug: string) => statuses.find((status) => status.lesson === slug);
  // Carry on with a lesson already begun, else the first one not complete.
  const next =
    lessons.find((lesson) => statusOf(lesson.slug)?.state === 'inProgress') ?? lessons.find((lesson) => !statusOf(lesson.slug)?.complete);
  const percentText = interpolate(labels.coursePercent, { percent: coursePercent });
  return (
    <div className="course-progress" data-testid="course-progress">
      <p className="course-progress__title">
        <strong>{labels.heading}</strong> · <span data-testid="course-percent">{percentText}</span>
      </p>
      <ProgressBar percent={coursePercent} label={percentText} />
      <p className="course-progress__actions">
        {next ? (
          <a className="button" href={`${href}/${next.slug}`} data-testid="resume-link">
            {interpolate(labels.resume, { lesson: next.title })}
          </a>
        ) : (
          <a className="button button--quiet" href={`${href}/${lessons[0]?.slug ?? ''}`}>
            {labels.review}
          </a>
        )}
        {certificate && (
          <a className="button button--quiet" href={certificate.url}>
            {labels.certificate}
          </a>
        )}
      </p>
    </div>
  );
}
