import { fillerParagraphs, fillerSize } from '../../filler';

// No path is built ahead: each size is rendered once on its first request and
// then served from Next's cache, exactly like a prerendered page.
export function generateStaticParams() {
  return [];
}

/** A static page of `size` filler characters (the bench picks the size that matches an Aula page's HTML). */
export default async function StaticFiller({ params }) {
  const { size } = await params;
  return (
    <main>
      {fillerParagraphs(fillerSize(size)).map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
