import { sql } from 'drizzle-orm';
import { boolean, check, customType, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { mailStatuses, overrideTargets, reportStatuses, reportTargets, roles, tokenPurposes } from './schema';

// The PostgreSQL twin of ./schema.ts: the same tables, columns, nullability and
// indexes (tests/unit/schema-twins.test.ts compares them through getTableConfig),
// with PostgreSQL's types. Timestamps stay epoch milliseconds (bigint), so the raw
// SQL of db/ (windows, spans, medians) means the same on both engines.

/** A point in time as epoch milliseconds in a bigint, read and written as a Date. */
const epochMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull().default('learner'),
    emailVerifiedAt: epochMs('email_verified_at'),
    locale: text('locale'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (table) => [check('users_role_check', sql`${table.role} in ('learner', 'editor', 'admin')`), index('users_name_idx').on(table.name), index('users_role_idx').on(table.role)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    revokedAt: epochMs('revoked_at'),
    userAgent: text('user_agent'),
    lastSeenAt: epochMs('last_seen_at'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: epochMs('reset_at').notNull(),
});

export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    intervals: text('intervals').notNull().default('[]'),
    watchedSeconds: doublePrecision('watched_seconds').notNull().default(0),
    position: doublePrecision('position').notNull().default(0),
    positionSentAt: epochMs('position_sent_at'),
    lastHeartbeatAt: epochMs('last_heartbeat_at'),
    videoCompletedAt: epochMs('video_completed_at'),
    quizBest: integer('quiz_best'),
    quizPassedAt: epochMs('quiz_passed_at'),
    completedAt: epochMs('completed_at'),
    firstActivityAt: epochMs('first_activity_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.course, table.lesson] }),
    index('lesson_progress_course_idx').on(table.course, table.lesson),
    index('lesson_progress_course_user_idx').on(table.course, table.userId),
  ],
);

export const watchAllowances = pgTable('watch_allowances', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  balance: doublePrecision('balance').notNull(),
  refilledAt: epochMs('refilled_at').notNull(),
  windowStartedAt: epochMs('window_started_at').notNull(),
  heartbeatsInWindow: integer('heartbeats_in_window').notNull(),
});

export const mailQueue = pgTable(
  'mail_queue',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: mailStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    claimedUntil: epochMs('claimed_until'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    sentAt: epochMs('sent_at'),
  },
  (table) => [index('mail_queue_due_idx').on(table.status, table.nextAttemptAt), check('mail_queue_status_check', sql`${table.status} in ('pending', 'sent', 'failed')`)],
);

export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    email: text('email').notNull(),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    usedAt: epochMs('used_at'),
  },
  (table) => [index('account_tokens_user_idx').on(table.userId, table.purpose), check('account_tokens_purpose_check', sql`${table.purpose} in ('verifyEmail', 'resetPassword')`)],
);

export const dataMigrations = pgTable('data_migrations', {
  name: text('name').primaryKey(),
  appliedAt: epochMs('applied_at').notNull(),
});

export const quizAttempts = pgTable(
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
    passed: boolean('passed').notNull(),
    answers: text('answers').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (table) => [index('quiz_attempts_user_lesson_idx').on(table.userId, table.course, table.lesson)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    course: text('course').notNull(),
    learnerName: text('learner_name').notNull(),
    issuedAt: epochMs('issued_at').notNull(),
  },
  (table) => [uniqueIndex('certificates_user_course_idx').on(table.userId, table.course), index('certificates_course_idx').on(table.course)],
);

export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    locale: text('locale').notNull(),
    target: text('target', { enum: reportTargets }).notNull(),
    targetId: text('target_id'),
    videoTime: integer('video_time'),
    message: text('message').notNull(),
    suggestion: text('suggestion'),
    email: text('email'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: reportStatuses }).notNull().default('new'),
    reporterNotifiedAt: epochMs('reporter_notified_at'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
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

export const reportEvents = pgTable(
  'report_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: reportStatuses }),
    toStatus: text('to_status', { enum: reportStatuses }).notNull(),
    note: text('note'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: epochMs('created_at').notNull(),
  },
  (table) => [index('report_events_report_idx').on(table.reportId)],
);

export const contentOverrides = pgTable(
  'content_overrides',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    course: text('course').notNull(),
    lesson: text('lesson').notNull(),
    locale: text('locale').notNull(),
    target: text('target', { enum: overrideTargets }).notNull(),
    targetId: text('target_id').notNull().default(''),
    originalText: text('original_text').notNull(),
    previousText: text('previous_text').notNull(),
    text: text('text').notNull(),
    reportId: integer('report_id').references(() => reports.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: epochMs('created_at').notNull(),
    endedAt: epochMs('ended_at'),
    endedBy: text('ended_by').references(() => users.id, { onDelete: 'set null' }),
    endReason: text('end_reason', { enum: ['reverted', 'replaced'] }),
    exportedAt: epochMs('exported_at'),
  },
  (table) => [
    index('content_overrides_lesson_idx').on(table.course, table.lesson, table.locale, table.endedAt),
    check('content_overrides_target_check', sql`${table.target} in ('paragraph', 'summary')`),
  ],
);
