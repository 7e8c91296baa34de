import { certificatePdf } from '@/lib/certificates/pdf';
import { certificateView } from '@/lib/certificates/view';

/** The certificate as a PDF, in Italian and English, with its verification link. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const certificate = certificateView(id, 'it');
  if (!certificate) return new Response('Not found', { status: 404 });
  const english = certificateView(id, 'en')!;
  const verify = new URL(`/certificates/${id}`, request.url).toString();
  const pdf = certificatePdf([
    { text: 'AULA', size: 16, bold: true, y: 500, color: [0.043, 0.431, 0.412] },
    { text: 'Certificato di completamento · Certificate of completion', size: 24, bold: true, y: 440 },
    { text: certificate.learnerName, size: 34, bold: true, y: 360 },
    { text: 'ha completato il corso · has completed the course', size: 14, y: 320 },
    { text: certificate.courseTitle, size: 22, bold: true, y: 280 },
    { text: english.courseTitle, size: 14, y: 255 },
    { text: `${certificate.date} · ${english.date}`, size: 14, y: 210 },
    { text: `Verifica · Verify: ${verify}`, size: 10, y: 90, color: [0.35, 0.38, 0.42] },
  ]);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="aula-certificate-${id}.pdf"`, 'Cache-Control': 'private, max-age=300' },
  });
}
