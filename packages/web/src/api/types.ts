import type { Body, Answer as Ok, Query } from "@kith/api";

export type Me = Ok<"/api/auth/me", "get">;
export type Account = Ok<"/api/account", "get">;
export type Member = Ok<"/api/account/members", "get">["items"][number];
export type Role = Member["role"];
export type ApiToken = Ok<"/api/tokens", "get">["items"][number];
export type NewApiToken = Ok<"/api/tokens", "post">;
export type Contact = Ok<"/api/contacts/{id}", "get">;
/** A contact as lists show it (GET /api/contacts); the whole contact is `Contact`. */
export type ContactSummary = Ok<"/api/contacts", "get">["items"][number];
export type ContactInput = Body<"/api/contacts", "post">;
export type Company = Ok<"/api/companies/{id}", "get">;
export type CompanyInput = Body<"/api/companies", "post">;
export type Interaction = Ok<"/api/interactions/{id}", "get">;
export type InteractionInput = Body<"/api/interactions", "post">;
export type InteractionKind = Interaction["kind"];
export type Direction = Interaction["direction"];
export type ContactQuery = Query<"/api/contacts", "get">;
export type ContactProgress = NonNullable<ContactQuery["progress"]>;
export type ContactSort = NonNullable<ContactQuery["sort"]>;
export type ArchivedFilter = NonNullable<ContactQuery["archived"]>;
export type FollowUp = Ok<"/api/follow-ups", "get">["items"][number];
export type FollowUpInput = Body<"/api/follow-ups", "post">;

export const INTERACTION_KINDS: InteractionKind[] = [
  "email",
  "call",
  "meeting",
  "message",
  "letter",
  "social",
  "other",
];
export const DIRECTIONS: Direction[] = ["outbound", "inbound", "mutual"];
export const ROLES: Role[] = ["owner", "editor", "viewer"];

export type TodayList = Ok<"/api/today", "get">;
export type Insights = Ok<"/api/insights", "get">;
export type Analytics = Ok<"/api/analytics", "get">;
export type Progress = Ok<"/api/progress", "get">;
export type DueItem = TodayList["items"][number];
export type LaterItem = TodayList["later"][number];
export type Habit = TodayList["habit"];
export type TodayUndo = Ok<"/api/today/{contactId}/done", "post">["undo"];
export type EngineSettings = Ok<"/api/settings", "get">;
export type EngineSettingsPatch = Body<"/api/settings", "patch">;
export type CircleSetting = EngineSettings["circles"][string];

export type ImportInput = Exclude<Body<"/api/imports/preview", "post">, string>;
export type ImportFormat = NonNullable<ImportInput["format"]>;
export type EncodingChoice = NonNullable<ImportInput["encoding"]>;
export type ImportPreview = Ok<"/api/imports/preview", "post">;
export type ColumnMapping = ImportPreview["mapping"];
export type MappedField = ColumnMapping[string];
export type PreviewRow = ImportPreview["rows"][number];
export type RowIssue = ImportPreview["errors"][number];
export type Duplicate = Ok<"/api/duplicates", "get">["items"][number];
export type MatchedBy = Duplicate["by"];
/** A background import (`POST /api/imports` answers 202 with it queued; `GET /api/imports/{id}` reports progress). */
export type ImportJob = Ok<"/api/imports/{id}", "get">;
export type ImportStatus = ImportJob["status"];
export type ImportOutcome = ImportJob["rows"][number]["outcome"];
export type MergeResult = Ok<"/api/merges", "post">;
export type NotifyStatus = Ok<"/api/notify/status", "get">;
export type NotifySettings = NotifyStatus["settings"];
export type DigestFrequency = NotifySettings["digest"];
export type Delivery = NotifyStatus["recent"][number];
export type NotifyTestResult = Ok<"/api/notify/test", "post">;
export type Webhook = Ok<"/api/notify/webhooks", "get">["items"][number];
export type WebhookFormat = Webhook["format"];
export type WebhookInput = Body<"/api/notify/webhooks", "post">;
export type NewWebhook = Ok<"/api/notify/webhooks", "post">;
export type WebhookTestResult = Ok<"/api/notify/webhooks/{id}/test", "post">;
export type CalendarFeedStatus = Ok<"/api/calendar/feed", "get">;
