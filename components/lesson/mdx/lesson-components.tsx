import type { MDXComponents } from 'mdx/types';
import type { ReactNode } from 'react';
import { classifyLink, lessonHref } from '@/lib/content/links';
import { renderCorrection } from '@/lib/corrections/render';
import { clock } from '@/lib/format';
import { interpolate } from '@/lib/i18n/interpolate';

/** What a lesson's MDX needs to render: where it is, its timings, the live corrections, the labels. */
export type LessonScope = {
  locale: string;
  course: string;
  /** Slugs of the course's lessons: the targets a `../slug` link may have. */
  lessons: readonly string[];
  /** Paragraph id → start in the video, in seconds. */
  starts: ReadonlyMap<string, number>;
  /** Editors' live corrections (inline markdown), by paragraph id, and of the summary. */
  corrections: { paragraphs: Readonly<Record<string, string>>; summary?: string };
  labels: { jumpTo: string; report: string; takeaways: string };
};

type Children = { children?: ReactNode };

/** A link in a lesson: `../slug` becomes the lesson's path in the reader's locale; an unknown target stays text (content:check refuses it in files). */
function linkFor(scope: LessonScope) {
  return function LessonLink({ href = '', children }: Children & { href?: string }) {
    const target = classifyLink(href);
    if (target.kind === 'external') return <a href={target.href} rel="noopener noreferrer">{children}</a>;
    const path = target.kind === 'lesson' ? lessonHref(target, scope) : undefined;
    return path ? <a href={path}>{children}</a> : <span>{children}</span>;
  };
}

/**
 * The transcript's paragraphs, rendered once, on the server: stable anchor (the
 * id), the time, the text with its markdown, the ⚑ button. The client island
 * (Transcript.tsx) takes them over through `data-paragraph`, `data-start` and
 * `data-report`: it never receives their text as props.
 */
export function transcriptComponents(scope: LessonScope): MDXComponents {
  const a = linkFor(scope);
  function Paragraph({ id, children }: Children & { id: string; keyPoint?: string }) {
    const start = scope.starts.get(id);
    // lib/content refuses a lesson whose timings miss a paragraph; reaching this is a bug, and fails the build.
    if (start === undefined) throw new Error(`Paragraph "${id}" has no timing`);
    const corrected = scope.corrections.paragraphs[id];
    return (
      <li id={id} data-paragraph={id} data-start={start} className="transcript__item">
        <a className="transcript__time" href={`#${id}`} aria-label={interpolate(scope.labels.jumpTo, { time: clock(start) })}>
          {clock(start)}
        </a>
        <div className="transcript__text">{corrected === undefined ? children : renderCorrection(corrected, { a })}</div>
        <button type="button" className="transcript__report needs-js" data-report={`paragraph:${id}`} aria-label={scope.labels.report} title={scope.labels.report}>
          ⚑
        </button>
      </li>
    );
  }
  return { Paragraph, Summary: () => null, Takeaways: () => null, a };
}

/** The summary and the takeaways, from the same file, with the summary's live correction. */
export function summaryComponents(scope: LessonScope): MDXComponents {
  const a = linkFor(scope);
  const Summary = ({ children }: Children) => <>{scope.corrections.summary === undefined ? children : renderCorrection(scope.corrections.summary, { a })}</>;
  const Takeaways = ({ children }: Children) => (
    <>
      <h3>{scope.labels.takeaways}</h3>
      <div className="takeaways">{children}</div>
    </>
  );
  return { Paragraph: () => null, Summary, Takeaways, a };
}
