// The follow-up report's formats, apart from the renderers: the CLI refuses a wrong --format
// without loading the document libraries (DOCX, PDF, XLSX).
export const FOLLOW_UP_FORMATS = ["json", "docx", "pdf", "xlsx"] as const;
export type FollowUpFormat = (typeof FOLLOW_UP_FORMATS)[number];

export const isFollowUpFormat = (value: unknown): value is FollowUpFormat =>
  (FOLLOW_UP_FORMATS as readonly unknown[]).includes(value);
