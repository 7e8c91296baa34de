import { fillerParagraphs, fillerSize } from '../../filler';

export const dynamic = 'force-dynamic';

/** The same filler rendered on every request: what the framework costs for a dynamic page of that size. */
export default async function DynamicFiller({ params }) {
  const { size } = await params;
  return (
    <main>
      {fillerParagraphs(fillerSize(size)).map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
