import { interpolate } from '@/lib/i18n/interpolate';
import type { CourseStatus } from '@/lib/progress/status';
import { nextStep } from '@/lib/progress/next-step';
import type { NextStepLabels } from './labels';

type Props = { status: CourseStatus; href: string; lessons: { slug: string }[]; labels: NextStepLabels; quiet?: boolean };

/** The learner's next step as a button ("Continue with lesson 3") and what that lesson still needs. */
export function NextStep({ status, href, lessons, labels, quiet }: Props) {
  const step = nextStep(lessons.map(({ slug }) => status.lessons.find((item) => item.lesson === slug) ?? { lesson: slug, state: 'notStarted', videoComplete: false, quizPassed: false, complete: false }));
  if (!step) return null;
  const n = lessons.findIndex((lesson) => lesson.slug === step.lesson) + 1;
  const text = step.kind === 'start' ? labels.nextStart : step.kind === 'review' ? labels.review : interpolate(labels.nextContinue, { n });
  const missing = step.kind === 'continue' ? labels[step.missing === 'both' ? 'missingBoth' : step.missing === 'video' ? 'missingVideo' : 'missingQuiz'] : undefined;
  return (
    <>
      <a className={quiet || step.kind === 'review' ? 'button button--quiet' : 'button'} href={`${href}/${step.lesson}`} data-testid="next-step">
        {text}
      </a>
      {missing && <span className="next-step__missing">{missing}</span>}
    </>
  );
}
