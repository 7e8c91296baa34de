import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Types stay within what PostgreSQL also has: text, integer, timestamps as epoch ms.

export const roles = ['learner', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull().default('learner'),
    /** When the address was proved to be theirs (a link sent to it was opened); null until then. */
    emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
    /** The language they use Aula in (set at sign-up, changed on their account page): their e-mails' and certificate's. Null for accounts made before it was kept. */
    locale: text('locale'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // name and role indexes serve the admin's sorted learner table and the last-admin count.
  (table) => [check('users_role_check', sql`${table.role} in ('learner', 'editor', 'admin')`), index('users_name_idx').on(table.name), index('users_role_idx').on(table.role)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * One row per sign-in. The JWT carries only this id, so signing out (or a
 * password change through user:create) ends a session at once although
 * Auth.js sessions are JWTs.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** The browser's own description at sign-in (shortened), so people can tell their sessions apart. */
    userAgent: text('user_agent'),
    /** Updated at most every few minutes, not on every request. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

/** Fixed-window counters for throttling: sign-in, error reports and quiz attempts, per account or per address. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: integer('reset_at', { mode: 'timestamp_ms' }).notNull(),
});
export type RateLimit = typeof rateLimits.$inferSelect;
export type NewRateLimit = typeof rateLimits.$inferInsert;

/**
 * One row per learner × lesson. `intervals` is the compacted union of watched
 * spans (JSON [[start, end], …], seconds; at most a few dozen, see
 * lib/progress/intervals.ts).
 */
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    intervals: text('intervals').notNull().default('[]'),
    watchedSeconds: real('watched_seconds').notNull().default(0),
    position: real('position').notNull().default(0),
    positionSentAt: integer('position_sent_at', { mode: 'timestamp_ms' }),
    lastHeartbeatAt: integer('last_heartbeat_at', { mode: 'timestamp_ms' }),
    videoCompletedAt: integer('video_completed_at', { mode: 'timestamp_ms' }),
    quizBest: integer('quiz_best'),
    quizPassedAt: integer('quiz_passed_at', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    firstActivityAt: integer('first_activity_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // course_user lets the admin's per-learner aggregates group a course's rows in index order.
  (table) => [
    primaryKey({ columns: [table.userId, table.course, table.lesson] }),
    index('lesson_progress_course_idx').on(table.course, table.lesson),
    index('lesson_progress_course_user_idx').on(table.course, table.userId),
  ],
);
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type NewLessonProgress = typeof lessonProgress.$inferInsert;

/**
 * One row per learner: the wall-clock allowance for new watching, shared by
 * every lesson and course (lib/progress/credit.ts), and the count of the
 * learner's heartbeats in the current minute (the throttle).
 */
export const watchAllowances = sqliteTable('watch_allowances', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  balance: real('balance').notNull(),
  refilledAt: integer('refilled_at', { mode: 'timestamp_ms' }).notNull(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  heartbeatsInWindow: integer('heartbeats_in_window').notNull(),
});
export type WatchAllowance = typeof watchAllowances.$inferSelect;

export const mailStatuses = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * The durable outbox: every e-mail is queued here first, so a user's action
 * never waits for or fails on the mail server. A worker sends what is due,
 * retrying with back-off; `claimedUntil` keeps two workers (or processes)
 * from sending the same message. The template's values (which may hold a
 * single-use link) are cleared once the message is sent.
 */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: mailStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('mail_queue_due_idx').on(table.status, table.nextAttemptAt), check('mail_queue_status_check', sql`${table.status} in ('pending', 'sent', 'failed')`)],
);
export type QueuedMail = typeof mailQueue.$inferSelect;
export type NewQueuedMail = typeof mailQueue.$inferInsert;

export const tokenPurposes = ['verifyEmail', 'resetPassword'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/**
 * Single-use links sent by e-mail: only the SHA-256 of the token is kept, so
 * a copy of the database cannot be used to sign in. `email` is the address
 * the link proves (a new address during an e-mail change).
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    email: text('email').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('account_tokens_user_idx').on(table.userId, table.purpose), check('account_tokens_purpose_check', sql`${table.purpose} in ('verifyEmail', 'resetPassword')`)],
);
export type AccountToken = typeof accountTokens.$inferSelect;

/** Data migrations written in TypeScript (after the SQL ones), each applied once. */
export const dataMigrations = sqliteTable('data_migrations', {
  name: text('name').primaryKey(),
  appliedAt: integer('applied_at', { mode: 'timestamp_ms' }).notNull(),
});

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    score: integer('score').notNull(),
    total: integer('total').notNull(),
    percent: integer('percent').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    answers: text('answers').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('quiz_attempts_user_lesson_idx').on(table.userId, table.course, table.lesson)],
);
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type NewQuizAttempt = typeof quizAttempts.$inferInsert;

/** Issued once per learner and course; the id is the unguessable public verification key. */
export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    /** Null once the learner deleted their account: the certificate still verifies, by name. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    course: text('course').notNull(),
    learnerName: text('learner_name').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('certificates_user_course_idx').on(table.userId, table.course), index('certificates_course_idx').on(table.course)],
);
export type Certificate = typeof certificates.$inferSelect;
export type NewCertificate = typeof certificates.$inferInsert;
// ── Error reports and live corrections ─────────────────────────────────────

export const reportStatuses = ['new', 'in_review', 'accepted', 'rejected', 'applied'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportTargets = ['paragraph', 'summary', 'quiz', 'translation', 'video'] as const;
export type ReportTarget = (typeof reportTargets)[number];

/** An error report sent from a lesson page, by anyone. Text is stored as typed and escaped on output. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    locale: text('locale').notNull(),
    target: text('target', { enum: reportTargets }).notNull(),
    /** Paragraph id or quiz question id; null for the other targets. */
    targetId: text('target_id'),
    /** Seconds into the video, for `video` reports. */
    videoTime: integer('video_time'),
    message: text('message').notNull(),
    suggestion: text('suggestion'),
    email: text('email'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: reportStatuses }).notNull().default('new'),
    /** When the reporter was told the outcome (applied or rejected): once, however often the status changes after. */
    reporterNotifiedAt: integer('reporter_notified_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('reports_status_idx').on(table.status, table.createdAt),
    index('reports_lesson_idx').on(table.course, table.lesson),
    index('reports_user_idx').on(table.userId),
    index('reports_email_idx').on(table.email),
    check('reports_status_check', sql`${table.status} in ('new', 'in_review', 'accepted', 'rejected', 'applied')`),
    check('reports_target_check', sql`${table.target} in ('paragraph', 'summary', 'quiz', 'translation', 'video')`),
  ],
);
export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

/** Every status change of a report: who, when, from what to what, and an optional note. */
export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: reportStatuses }),
    toStatus: text('to_status', { enum: reportStatuses }).notNull(),
    note: text('note'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('report_events_report_idx').on(table.reportId)],
);
export type ReportEvent = typeof reportEvents.$inferSelect;
export type NewReportEvent = typeof reportEvents.$inferInsert;

export const overrideTargets = ['paragraph', 'summary'] as const;
export type OverrideTarget = (typeof overrideTargets)[number];

/**
 * A correction applied live over the MDX text of one lesson in one locale. The
 * rows are also the history of a passage: `originalText` is the file's text when
 * the override was made (the export refuses a file that changed since), and an
 * override stops applying when reverted or replaced. Once exported, the file has
 * the same text, so the override changes nothing and can retire.
 */
export const contentOverrides = sqliteTable(
  'content_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    locale: text('locale').notNull(),
    target: text('target', { enum: overrideTargets }).notNull(),
    /** The paragraph id; empty for the summary. */
    targetId: text('target_id').notNull().default(''),
    originalText: text('original_text').notNull(),
    previousText: text('previous_text').notNull(),
    text: text('text').notNull(),
    reportId: integer('report_id').references(() => reports.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endedBy: text('ended_by').references(() => users.id, { onDelete: 'set null' }),
    endReason: text('end_reason', { enum: ['reverted', 'replaced'] }),
    /** Written back into the MDX file by `npm run content:export-corrections`; it stays live (same text) until it retires. */
    exportedAt: integer('exported_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    index('content_overrides_lesson_idx').on(table.course, table.lesson, table.locale, table.endedAt),
    check('content_overrides_target_check', sql`${table.target} in ('paragraph', 'summary')`),
  ],
);
export type ContentOverride = typeof contentOverrides.$inferSelect;
export type NewContentOverride = typeof contentOverrides.$inferInsert;
