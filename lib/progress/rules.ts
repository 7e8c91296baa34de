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

/**
 * The watching allowance: new coverage the server will believe. One per
 * learner, shared by every lesson and course (nobody watches two videos at
 * once). It grows with wall-clock time at the fastest playback speed and is
 * capped, like a token bucket: pausing doesn't bank hours of credit, and many
 * rapid requests can't add up to more than time allows.
 */
export const allowanceCapSeconds = 2 * heartbeatSeconds * fastestPlaybackRate + 10;

/** Heartbeats a learner may send per minute: a player sends 4, plus one per pause, seek and end. */
export const heartbeatsPerMinute = 30;

/**
 * How a lesson's watched spans are stored: a stretch shorter than `minSpanSeconds`
 * on its own is noise, gaps up to `bridgeGapSeconds` are closed (paid from the
 * allowance), and a row keeps at most `maxStoredIntervals` spans, so a
 * heartbeat's cost never depends on what was sent before.
 */
export const storedIntervals = { minSpanSeconds: 1, bridgeGapSeconds: 1, maxStoredIntervals: 32 } as const;

/** The most intervals one heartbeat may carry (the server's schema refuses more; kept equal by a unit test). */
export const maxIntervalsPerHeartbeat = 100;
