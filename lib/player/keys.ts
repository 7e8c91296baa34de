/** What a key pressed on the focused video does. */
export type KeyAction = { type: 'toggle' } | { type: 'seekBy'; seconds: number };

const seekSteps: Record<string, number> = { j: -10, l: 10, ArrowLeft: -5, ArrowRight: 5 };

/** Space and k play or pause; j and l move 10 s, the arrows 5 s. Any other key is the browser's. */
export function videoKeyAction(key: string): KeyAction | undefined {
  if (key === ' ' || key === 'k') return { type: 'toggle' };
  const seconds = seekSteps[key];
  return seconds === undefined ? undefined : { type: 'seekBy', seconds };
}
