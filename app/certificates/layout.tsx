import type { ReactNode } from 'react';
import { requestLanguage } from '@/lib/i18n/request-language';
import { localeTags } from '@/lib/i18n/locales';
import '../globals.css';

export default async function CertificateLayout({ children }: { children: ReactNode }) {
  const locale = await requestLanguage();
  return (
    <html lang={localeTags[locale]}>
      <body>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
