// Where a link in a lesson (or in an editor's correction) may point. One rule,
// used by the renderer, by `npm run content:check` and by the correction check.
//
// Another lesson is linked by its slug, relative to the lesson: `../tipi-di-cliente`
// or `../tipi-di-cliente#paragraph-id`. That works in every locale (the path keeps
// the reader's locale) and without JavaScript. Outside the course: https, http
// and mailto only; `javascript:` and every other scheme is refused.

export type LinkTarget =
  | { kind: 'lesson'; slug: string; hash: string }
  | { kind: 'external'; href: string }
  | { kind: 'invalid'; reason: 'scheme' | 'form' };

const lessonLink = /^\.\.\/([a-z0-9]+(?:-[a-z0-9]+)*)(#[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const externalLink = /^(?:https?:\/\/[^\s/]+|mailto:[^\s@]+@[^\s@]+$)/i;

export function classifyLink(href: string): LinkTarget {
  const lesson = lessonLink.exec(href);
  if (lesson) return { kind: 'lesson', slug: lesson[1]!, hash: lesson[2] ?? '' };
  if (externalLink.test(href)) return { kind: 'external', href };
  // Browsers ignore control characters and spaces in schemes ("java\tscript:"): judge the squeezed form.
  return /^[a-z][a-z0-9+.-]*:/i.test(href.replace(/[\u0000-\u0020]/g, '')) ? { kind: 'invalid', reason: 'scheme' } : { kind: 'invalid', reason: 'form' };
}

/** The absolute path of a lesson link in a locale, or undefined when the slug is not a lesson of the course. */
export function lessonHref(target: { slug: string; hash: string }, scope: { locale: string; course: string; lessons: readonly string[] }): string | undefined {
  return scope.lessons.includes(target.slug) ? `/${scope.locale}/courses/${scope.course}/${target.slug}${target.hash}` : undefined;
}
