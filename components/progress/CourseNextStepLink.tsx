'use client';

import { useCourseProgress } from '@/lib/progress/client-store';
import type { NextStepLabels } from './labels';
import { NextStep } from './NextStep';

/** Under the course's lessons: "Start the course" (prerendered, for everyone), or the signed-in learner's next step. */
export function CourseNextStepLink({ course, href, lessons, labels }: { course: string; href: string; lessons: { slug: string }[]; labels: NextStepLabels }) {
  const progress = useCourseProgress(course);
  if (progress.kind === 'learner') return <NextStep status={progress.course} href={href} lessons={lessons} labels={labels} />;
  return (
    <a className="button" href={`${href}/${lessons[0]?.slug ?? ''}`}>
      {labels.nextStart}
    </a>
  );
}
