CREATE TABLE `content_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course` text NOT NULL,
	`lesson` text NOT NULL,
	`locale` text NOT NULL,
	`target` text NOT NULL,
	`target_id` text DEFAULT '' NOT NULL,
	`original_text` text NOT NULL,
	`previous_text` text NOT NULL,
	`text` text NOT NULL,
	`report_id` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by` text,
	`end_reason` text,
	`exported_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "content_overrides_target_check" CHECK("content_overrides"."target" in ('paragraph', 'summary'))
);
--> statement-breakpoint
CREATE INDEX `content_overrides_lesson_idx` ON `content_overrides` (`course`,`lesson`,`locale`,`ended_at`);--> statement-breakpoint
CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `report_events_report_idx` ON `report_events` (`report_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course` text NOT NULL,
	`lesson` text NOT NULL,
	`locale` text NOT NULL,
	`target` text NOT NULL,
	`target_id` text,
	`video_time` integer,
	`message` text NOT NULL,
	`suggestion` text,
	`email` text,
	`user_id` text,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reports_status_check" CHECK("reports"."status" in ('new', 'in_review', 'accepted', 'rejected', 'applied')),
	CONSTRAINT "reports_target_check" CHECK("reports"."target" in ('paragraph', 'summary', 'quiz', 'translation', 'video'))
);
--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_lesson_idx` ON `reports` (`course`,`lesson`);--> statement-breakpoint
CREATE INDEX `reports_user_idx` ON `reports` (`user_id`);--> statement-breakpoint
CREATE INDEX `reports_email_idx` ON `reports` (`email`);