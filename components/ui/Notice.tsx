import type { ReactNode } from 'react';

type Props = { tone?: 'info' | 'error' | 'success'; children: ReactNode; id?: string };

export function Notice({ tone = 'info', children, id }: Props) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} id={id}>
      {children}
    </div>
  );
}
