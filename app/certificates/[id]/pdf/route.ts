import { certificatePdf } from '@/lib/certificates/pdf';
import { certificateView } from '@/lib/certificates/view';
import { languageOfRequest } from '@/lib/i18n/request-language';
import { localeTags } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

/** The certificate as a PDF in its learner's language, with its verification link. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const certificate = await certificateView(id, languageOfRequest(request));
  if (!certificate) {
    const t = getTranslator(languageOfRequest(request));
    return new Response(t('errors.certificateInvalid'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const t = getTranslator(certificate.locale);
  const verify = new URL(`/certificates/${id}`, request.url).toString();
  const pdf = await certificatePdf(
    [
      { text: 'AULA', size: 16, bold: true, y: 500, color: [0.043, 0.431, 0.412] },
      { text: t('certificate.title'), size: 24, bold: true, y: 440 },
      { text: certificate.learnerName, size: 34, bold: true, y: 360 },
      { text: t('certificate.statement'), size: 14, y: 320 },
      { text: certificate.courseTitle, size: 22, bold: true, y: 280 },
      { text: t('certificate.on', { date: certificate.date }), size: 14, y: 240 },
      { text: `${t('certificate.verifyAt')}: ${verify}`, size: 10, y: 90, color: [0.35, 0.38, 0.42] },
    ],
    { title: `${t('certificate.title')} · ${certificate.learnerName}`, author: 'Aula', language: localeTags[certificate.locale] },
  );
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="aula-certificate-${id}.pdf"`, 'Cache-Control': 'private, max-age=300' },
  });
}
