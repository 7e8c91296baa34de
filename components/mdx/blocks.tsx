import type { ReactNode } from 'react';

// The blocks an author may put inside a <Paragraph> or the <Summary>: each a
// box with the author's own title (written in the lesson's language).

type BlockProps = { title?: string; children?: ReactNode };

function Block({ kind, title, children }: BlockProps & { kind: 'example' | 'tip' | 'definition' }) {
  return (
    <aside className={`block block--${kind}`} data-block={kind}>
      {title && <p className="block__title">{title}</p>}
      {children}
    </aside>
  );
}

/** A worked case: a situation and how it is handled. */
export const Example = (props: BlockProps) => <Block kind="example" {...props} />;
/** A practical piece of advice. */
export const Tip = (props: BlockProps) => <Block kind="tip" {...props} />;
/** A term and what it means: `<Definition term="…">…</Definition>`. */
export function Definition({ term, children }: { term: string; children?: ReactNode }) {
  return (
    <aside className="block block--definition" data-block="definition">
      <p className="block__title">
        <dfn>{term}</dfn>
      </p>
      {children}
    </aside>
  );
}

/** Images need alt text (content:check refuses one without); lazy, never wider than the text. */
export function Image({ src, alt, title }: { src?: string; alt?: string; title?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- content images are small static files, sized by CSS
  return <img src={src} alt={alt ?? ''} title={title} loading="lazy" className="content-image" />;
}

export const blockComponents = { Example, Tip, Definition, img: Image };
