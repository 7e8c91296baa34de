import { useSyncExternalStore } from 'react';

/**
 * The lesson page's small client store, through which its parts talk: the
 * paragraph being spoken (the player sets it, the transcript shows it) and a
 * request to report an error about a passage (the transcript's ⚑ asks, the
 * report form answers). One store per page: lessons are separate documents.
 */
export type PlayerState = {
  active: string | undefined;
  /** `paragraph:<id>` (a report form "where" value), with a counter so the same passage can be asked for twice. */
  reportRequest: { where: string; n: number } | undefined;
  /** Counts requests to bring the active paragraph into view even while paused (after a resume). */
  reveal: number;
};

let state: PlayerState = { active: undefined, reportRequest: undefined, reveal: 0 };
const listeners = new Set<() => void>();

function update(next: Partial<PlayerState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function setActiveParagraph(id: string | undefined): void {
  if (id !== state.active) update({ active: id });
}

export function requestReport(where: string): void {
  update({ reportRequest: { where, n: (state.reportRequest?.n ?? 0) + 1 } });
}

/** After the video was moved for the learner (a resume): show the transcript's paragraph at that point. */
export function revealActive(): void {
  update({ reveal: state.reveal + 1 });
}

export function playerState(): PlayerState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const initial: PlayerState = { active: undefined, reportRequest: undefined, reveal: 0 };

export function usePlayerState<T>(select: (state: PlayerState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state), () => select(initial));
}

/** For tests: back to the initial state. */
export function resetPlayerState(): void {
  state = initial;
}
