import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { preload } from 'react-dom';
import { Breadcrumb } from '@/components/lesson/Breadcrumb';
import { FallbackNotice } from '@/components/lesson/FallbackNotice';
import { rulesText } from '@/components/progress/labels';
import { LearnerPanel } from '@/components/progress/LearnerPanel';
import { LessonMedia } from '@/components/lesson/LessonMedia';
import { summaryComponents, transcriptComponents, type LessonScope } from '@/components/lesson/mdx/lesson-components';
import { LessonNav } from '@/components/lesson/LessonNav';
import { Quiz } from '@/components/lesson/Quiz';
import { SignInNotice } from '@/components/lesson/SignInNotice';
import { transcriptSlot } from '@/components/lesson/transcript-slot';
import { ReportForm } from '@/components/reports/ReportForm';
import { lessonParams } from '@/lib/content';
import { lessonBody } from '@/lib/content/body';
import { liveLessonFromParams as lessonFromParams } from '@/lib/corrections';
import { minutesOf } from '@/lib/format';
import { alternatesFor } from '@/lib/i18n/alternates';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { quizPassPercent } from '@/lib/progress/rules';
import { firstWords, paragraphLabel } from '@/lib/reports/labels';
import { reportLimits } from '@/lib/reports/validation';

type Props = { params: Promise<{ locale: string; course: string; lesson: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => lessonParams().map((params) => ({ locale, ...params })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lessonFromParams(params);
  if (!found) return {};
  const { locale, course, lesson } = found;
  const title = `${lesson.title} · ${course.title}`;
  return {
    title,
    description: lesson.description,
    alternates: alternatesFor(locale, `courses/${course.slug}/${lesson.slug}`),
    openGraph: { title, description: lesson.description, type: 'video.other', images: [{ url: lesson.media.sharePoster, width: 1280, height: 720 }], videos: [{ url: lesson.media.video }] },
  };
}

export default async function LessonPage({ params }: Props) {
  const found = await lessonFromParams(params);
  if (!found) notFound();
  const { locale, course, lesson, corrections } = found;
  const t = getTranslator(locale);
  const Body = await lessonBody(course.slug, lesson.slug, lesson.textLocale);
  // The poster is the page's largest paint: fetched with the stylesheet, not when the parser reaches the video.
  preload(lesson.media.poster, { as: 'image', fetchPriority: 'high', type: 'image/webp' });
  const scope: LessonScope = {
    locale,
    course: course.slug,
    lessons: course.lessons.map((entry) => entry.slug),
    starts: new Map(lesson.paragraphs.map((p) => [p.id, p.start])),
    corrections,
    labels: { jumpTo: t('lesson.jumpTo'), report: t('report.button'), takeaways: t('lesson.takeaways') },
  };
  const path = `/${locale}/courses/${course.slug}/${lesson.slug}`;
  const labelsOf = <K extends string>(prefix: 'lesson' | 'quiz' | 'progress' | 'report', keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}` as never)])) as Record<K, string>;

  return (
    <article className="lesson" data-lesson={lesson.slug}>
      <Breadcrumb
        label={t('course.breadcrumb')}
        items={[{ href: `/${locale}`, label: t('lesson.catalog') }, { href: `/${locale}/courses/${course.slug}`, label: course.title }, { label: lesson.title }]}
      />
      <header className="lesson__header">
        <h1>{lesson.title}</h1>
        <p className="meta">
          <span>{t('lesson.position', { n: lesson.order, total: course.lessons.length })}</span>
          <span>{t('lesson.duration', { minutes: minutesOf(lesson.duration) })}</span>
        </p>
        <p className="lead prose">{lesson.description}</p>
      </header>
      <FallbackNotice locale={locale} textLocale={lesson.textLocale} message={t('lesson.fallback')} />
      <LearnerPanel
        course={course.slug}
        lesson={lesson.slug}
        labels={{
          ...labelsOf('progress', ['heading', 'recording', 'complete', 'inProgress', 'notStarted', 'certificate', 'courseComplete', 'videoDone', 'videoLeft', 'quizDone', 'quizLeft', 'quizTodo', 'loading'] as const),
          rules: rulesText(t),
        }}
      >
        <SignInNotice locale={locale} next={path} title={t('lesson.anonTitle')} body={t('lesson.anonBody')} signIn={t('nav.signIn')} signUp={t('nav.signUp')} />
      </LearnerPanel>
      <LessonMedia
        course={course.slug}
        lesson={lesson.slug}
        duration={lesson.duration}
        locale={locale}
        textLocale={lesson.textLocale}
        spans={lesson.paragraphs.map(({ id, start, end }) => ({ id, start, end }))}
        transcriptSlot={transcriptSlot(<Body components={transcriptComponents(scope)} />, [path, lesson.textLocale, scope.lessons, [...scope.starts], corrections.paragraphs, scope.labels])}
        media={{ video: lesson.media.video, poster: lesson.media.poster, captions: lesson.media.captions }}
        transcriptUrl={`/transcripts/${course.slug}/${lesson.slug}/${locale}.txt`}
        labels={{
          ...labelsOf('lesson', ['video', 'speed', 'videoFallback', 'downloadVideo', 'transcript', 'autoScroll', 'copy', 'copied', 'download', 'keyboard'] as const),
          ...labelsOf('progress', ['resumedAt', 'startOver', 'resumeAt'] as const),
        }}
        videoNote={locale === defaultLocale ? undefined : t('lesson.videoLanguage')}
      />
      <section className="prose" aria-labelledby="summary-title" lang={lesson.textLocale === locale ? undefined : lesson.textLocale}>
        <h2 id="summary-title">{t('lesson.summary')}</h2>
        <Body components={summaryComponents(scope)} />
      </section>
      <section aria-labelledby="quiz-title" className="prose">
        <h2 id="quiz-title">{t('quiz.heading')}</h2>
        <Quiz
          course={course.slug}
          lesson={lesson.slug}
          locale={locale}
          questions={lesson.quiz}
          labels={{
            ...labelsOf('quiz', ['single', 'multiple', 'submit', 'retry', 'correct', 'wrong', 'yourAnswer', 'rightChoice'] as const),
            intro: t('quiz.intro', { pass: quizPassPercent }),
          }}
        />
      </section>
      <LessonNav locale={locale} course={course} current={lesson.slug} t={t} />
      <ReportForm
        locale={locale}
        course={course.slug}
        lesson={lesson.slug}
        paragraphs={lesson.paragraphs.map((p) => ({ id: p.id, label: paragraphLabel(p) }))}
        questions={lesson.quiz.map((q, index) => ({ id: q.id, label: `${index + 1}. ${firstWords(q.prompt, 70)}` }))}
        translated={lesson.textLocale !== defaultLocale}
        max={reportLimits.messageMax}
        path={path}
        labels={{
          ...labelsOf('report', ['heading', 'intro', 'where', 'choose', 'paragraphs', 'summary', 'quiz', 'translation', 'video', 'videoAt', 'message', 'messageHint', 'suggestion', 'suggestionHint', 'email', 'emailHint', 'signedInNote', 'honeypot', 'submit'] as const),
          counter: t('report.counter', { max: reportLimits.messageMax }),
          counterOver: t('report.counterOver', { max: reportLimits.messageMax }),
        }}
      />
    </article>
  );
}
