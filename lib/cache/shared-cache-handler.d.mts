import type { Durations } from './invalidation-bus.mjs';

export function isPostgresUrl(value: string | undefined): boolean;
export default class SharedCacheHandler {
  constructor(context: Record<string, unknown>);
  get(...args: unknown[]): Promise<unknown>;
  set(...args: unknown[]): Promise<void>;
  revalidateTag(tags: string | string[], durations?: Durations): Promise<void>;
  resetRequestCache(): void;
}
