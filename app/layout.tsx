import type { ReactNode } from 'react';
import './globals.css';

// Each top-level segment renders its own <html> (the locale's lang lives in [locale]/layout).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
