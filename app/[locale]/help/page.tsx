import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { MDXContent } from 'mdx/types';
import { SitePage } from '@/components/mdx/site-page';
import { alternatesFor } from '@/lib/i18n/alternates';
import { isLocale, locales } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('site.help'), alternates: alternatesFor(locale, 'help') };
}

/** The help page, written in MDX in each language (./_text/{locale}.mdx). */
export default async function HelpPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { default: Text } = (await import(`./_text/${locale}.mdx`)) as { default: MDXContent };
  return <SitePage Text={Text} locale={locale} />;
}
