CREATE TABLE `data_migrations` (
	`name` text PRIMARY KEY NOT NULL,
	`applied_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `watch_allowances` (
	`user_id` text PRIMARY KEY NOT NULL,
	`balance` real NOT NULL,
	`refilled_at` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`heartbeats_in_window` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `lesson_progress` DROP COLUMN `credit_balance`;