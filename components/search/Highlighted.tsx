import type { TextSegment } from '@/lib/search/highlight';

/** Text with its matches in <mark>; React escapes every segment. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text));
}
