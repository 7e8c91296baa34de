import { clock } from '@/lib/format';
import type { ResumeState } from './useResume';

type Labels = Record<'resumedAt' | 'startOver' | 'resumeAt', string>;

/** Under the video: where the learner was taken back to, or where they could go back to. */
export function ResumeBar({ state, labels, onStartOver, onResume }: { state: ResumeState; labels: Labels; onStartOver: () => void; onResume: () => void }) {
  if (!state) return null;
  const time = clock(state.at);
  return (
    <p className="resume-bar" role="status" data-testid={`resume-${state.kind}`}>
      {state.kind === 'resumed' && labels.resumedAt.replace('{time}', time)}
      <button type="button" className="button button--quiet button--small" onClick={state.kind === 'resumed' ? onStartOver : onResume}>
        {state.kind === 'resumed' ? labels.startOver : labels.resumeAt.replace('{time}', time)}
      </button>
    </p>
  );
}
