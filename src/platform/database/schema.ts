// Every table, for Drizzle's typed queries and for drizzle-kit's migration generator.
export * from "../../applications/schema.ts";
export * from "../../associations/schema.ts";
export * from "../../audit/schema.ts";
export * from "../../courses/schema.ts";
export * from "../../evaluation/schema.ts";
export * from "../../finance/schema.ts";
export * from "../../follow-up/schema.ts";
export * from "../../initiatives/schema.ts";
export * from "../../mail/schema.ts";
export * from "../../people/schema.ts";
export * from "../../portal/schema.ts";
export * from "../../progression/schema.ts";
export * from "../../register/schema.ts";
export * from "../../reports/schema.ts";
export * from "../../sign-in/schema.ts";
