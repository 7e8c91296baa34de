import type { ReactNode } from 'react';
import { certificateLocale } from '@/lib/certificates/view';
import { localeTags } from '@/lib/i18n/locales';
import '../../globals.css';

/** The certificate's page in its learner's language (a wrong code: the visitor's), and <html lang> to match. */
export default async function CertificateLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const locale = await certificateLocale((await params).id);
  return (
    <html lang={localeTags[locale]}>
      <body>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
