/** When a message that could not be sent is tried again: minutes after each failed attempt. */
export const mailRetryMinutes = [1, 5, 15, 60, 180, 720, 1440] as const;
/** After this many failed attempts a message is given up (and shown to admins as failed). */
export const mailMaxAttempts = mailRetryMinutes.length + 1;

/** The delay before attempt `attempts + 1`, after `attempts` failures; undefined once it is time to give up. */
export function retryDelayMs(attempts: number): number | undefined {
  if (attempts >= mailMaxAttempts) return undefined;
  const minutes = mailRetryMinutes[Math.min(attempts, mailRetryMinutes.length) - 1];
  return minutes === undefined ? undefined : minutes * 60_000;
}
