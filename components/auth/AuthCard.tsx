import type { ReactNode } from 'react';

type Other = { text: string; label: string; href: string };

/** The frame of the sign-in and sign-up pages: a title, a line of introduction, the form, and a link to the other page when there is one. */
export function AuthCard({ title, intro, children, other }: { title: string; intro: string; children: ReactNode; other?: Other }) {
  return (
    <div className="card form-card">
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
      {other && (
        <p className="muted form-card__footer">
          {other.text} <a href={other.href}>{other.label}</a>
        </p>
      )}
    </div>
  );
}
