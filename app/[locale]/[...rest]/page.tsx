import { notFound } from 'next/navigation';

/** Any unknown path below a locale gets that locale's 404 page. */
export default function UnknownPage() {
  notFound();
}
