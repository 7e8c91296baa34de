CREATE INDEX `certificates_course_idx` ON `certificates` (`course`);--> statement-breakpoint
CREATE INDEX `lesson_progress_course_user_idx` ON `lesson_progress` (`course`,`user_id`);--> statement-breakpoint
CREATE INDEX `users_name_idx` ON `users` (`name`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);