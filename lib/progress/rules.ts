/**
 * The progress rules, each written once: the player, the server's checks, the
 * SQL of the admin pages and the words on the pages all read them from here.
 */

/** A video counts as watched when this share of its duration is covered. */
export const videoCompleteRatio = 0.9;
/** A quiz is passed with at least this percentage of questions right. */
export const quizPassPercent = 70;

/** How often a playing video reports what was watched. */
export const heartbeatSeconds = 15;
/** The fastest speed the player offers; the watching allowance grows at this rate, so it is never slower than the player. */
export const fastestPlaybackRate = 2;
/** The speeds the player offers, none faster than the allowance. */
export const playbackSpeeds = [0.75, 1, 1.25, 1.5, 1.75, fastestPlaybackRate] as const;

/** The most intervals one heartbeat may carry (the server's schema refuses more; kept equal by a unit test). */
export const maxIntervalsPerHeartbeat = 100;
