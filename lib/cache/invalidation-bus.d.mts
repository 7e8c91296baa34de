export type Durations = { expire?: number };
export type InvalidationMessage = { origin: string; tags: string[]; durations?: Durations };
export type InvalidationBus = {
  origin: string;
  ready: Promise<void>;
  publish(tags: string[], durations?: Durations): void;
  close(): Promise<void>;
};
export const invalidationChannel: string;
export const everyPageTag: string;
export function invalidationMessages(origin: string, tags: string[], durations?: Durations): string[];
export function parseInvalidationMessage(payload: string | undefined): InvalidationMessage | undefined;
export function startInvalidationBus(options: {
  url: string;
  expireLocally: (tags: string[], durations?: Durations) => unknown;
  retryMs?: number;
  log?: Pick<Console, 'error'>;
}): InvalidationBus;
