ALTER TABLE "course_media" ADD COLUMN "width" integer;--> statement-breakpoint
ALTER TABLE "course_media" ADD COLUMN "height" integer;--> statement-breakpoint
ALTER TABLE "course_media" ADD CONSTRAINT "course_media_pixels_check" CHECK (("course_media"."width" is null and "course_media"."height" is null) or ("course_media"."width" > 0 and "course_media"."height" > 0));