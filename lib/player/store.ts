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
};

let state: PlayerState = { active: undefined, reportRequest: undefined };
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

export function playerState(): PlayerState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const initial: PlayerState = { active: undefined, reportRequest: undefined };

export function usePlayerState<T>(select: (state: PlayerState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state), () => select(initial));
}

/** For tests: back to the initial state. */
export function resetPlayerState(): void {
  state = initial;
}
