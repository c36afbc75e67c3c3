import { createRoute, z } from "@hono/zod-openapi";
import { ARTICLE_STATUSES } from "../../core/incident.js";
import { SURFACES } from "../../core/vocabulary.js";
import {
  body,
  DrillParams,
  DrillSchema,
  DrillStatus,
  errorsOf,
  Id,
  Iso,
  json,
  Localized,
  Month,
  RequestId,
  ResponseAction,
  Slug,
  TeamParams,
  Text,
  TimelineEntrySchema,
} from "../schemas.js";

const tags = ["drills"];
const Seed = z.number().int().min(0).max(4294967295);

export const listDrills = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills",
  tags,
  summary:
    "Drills of a team, newest first; responders and viewers never see a surprise drill before it is injected",
  request: {
    params: TeamParams,
    query: z.object({
      status: DrillStatus.optional(),
      month: Month.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(DrillSchema), cursor: z.string().optional() }), "A page of drills"),
    ...errorsOf(400, 401, 404, 503),
  },
});

export const scheduleDrill = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills",
  tags,
  summary: "Schedule one drill at a given time (managers)",
  request: {
    params: TeamParams,
    body: body(
      z.object({
        scenarioId: Slug,
        plannedAt: Iso,
        practice: z.boolean().default(false),
        seed: Seed.optional(),
      }),
    ),
  },
  responses: {
    201: json(DrillSchema, "Scheduled"),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

export const runNow = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/run-now",
  tags,
  summary: "Inject a drill now, through the same injection the scheduler uses (managers)",
  request: {
    params: TeamParams,
    body: body(z.object({ scenarioId: Slug, practice: z.boolean().default(true), seed: Seed.optional() })),
  },
  responses: {
    201: json(DrillSchema, "Injected"),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

export const getDrill = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}",
  tags,
  summary: "One drill",
  request: { params: DrillParams },
  responses: { 200: json(DrillSchema, "The drill"), ...errorsOf(401, 404, 503) },
});

export const abortDrill = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/{drillId}/abort",
  tags,
  summary: "Abort one drill (managers)",
  request: { params: DrillParams, body: body(z.object({ reason: Text })) },
  responses: {
    200: json(DrillSchema, "Aborted"),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

export const killSwitch = createRoute({
  method: "post",
  path: "/teams/{teamId}/kill-switch",
  tags,
  summary: "Abort every scheduled and running drill of the team and pause it (managers)",
  request: { params: TeamParams, body: body(z.object({ reason: Text })) },
  responses: {
    200: json(z.object({ paused: z.literal(true), aborted: z.array(z.string()) }), "Paused"),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

export const resume = createRoute({
  method: "delete",
  path: "/teams/{teamId}/kill-switch",
  tags,
  summary: "Lift the kill switch (managers)",
  request: { params: TeamParams },
  responses: {
    200: json(z.object({ paused: z.literal(false) }), "Resumed"),
    ...errorsOf(401, 403, 404, 503),
  },
});

const SandboxItem = z
  .object({
    id: z.string(),
    offset: z.number(),
    at: z.number(),
    surface: z.enum(SURFACES),
    kind: z.string(),
    author: z
      .object({ id: z.string(), name: Localized, staff: z.boolean(), removed: z.boolean() })
      .optional(),
    text: Localized,
    title: Localized.optional(),
    paragraphs: z.array(Localized).optional(),
    card: z.object({ name: Localized, note: Localized }).optional(),
    article: z
      .object({ reads: z.number().int().min(0), status: z.enum(ARTICLE_STATUSES) })
      .optional()
      .openapi({ description: "For articles: the 公众号 backend list's 阅读 count and status" }),
    deleted: z.boolean(),
    flagged: z.boolean(),
  })
  .openapi("SandboxItem");

export const feed = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}/feed",
  tags,
  summary:
    "The sandbox: items revealed so far (stimuli and noise alike), per surface, paged; poll with `after`",
  request: {
    params: DrillParams,
    query: z.object({
      surface: z.enum(SURFACES).optional(),
      after: z.coerce.number().int().min(-1).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(100),
    }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(SandboxItem), cursor: z.number(), more: z.boolean(), status: DrillStatus }),
      "Sandbox page",
    ),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

const GroupMemberSchema = z
  .object({
    id: z.string(),
    name: Localized,
    staff: z.boolean(),
    removed: z.boolean(),
    joinedAt: z
      .number()
      .nullable()
      .openapi({ description: "Epoch ms of the join notice; null for someone there before the drill" }),
  })
  .openapi("GroupMember");

export const members = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}/members",
  tags,
  summary:
    "The sandbox group chat's members as of now: staff, members who were there, everyone whose join has appeared (never the client); `count` is who is still in the group",
  request: { params: DrillParams },
  responses: {
    200: json(z.object({ items: z.array(GroupMemberSchema), count: z.number().int() }), "Member list"),
    ...errorsOf(401, 403, 404, 503),
  },
});

const Recorded = json(
  z.object({ entry: TimelineEntrySchema, duplicate: z.boolean() }),
  "Recorded on the timeline",
);

export const acknowledge = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/{drillId}/acknowledge",
  tags,
  summary: "Acknowledge the page",
  request: {
    params: DrillParams,
    body: { content: { "application/json": { schema: z.object({ requestId: RequestId }) } } },
  },
  responses: {
    200: Recorded,
    ...errorsOf(400, 401, 403, 404, 409, 429, 503),
  },
});

export const flag = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/{drillId}/flags",
  tags,
  summary: "Flag items as the incident (detection); the answer never says whether you were right",
  request: {
    params: DrillParams,
    body: body(
      z.object({
        itemIds: z.array(Id).min(1).max(100),
        note: z.string().max(2000).optional(),
        requestId: RequestId,
      }),
    ),
  },
  responses: {
    200: Recorded,
    ...errorsOf(400, 401, 403, 404, 409, 429, 503),
  },
});

export const act = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/{drillId}/actions",
  tags,
  summary: "Take a response action: remove a member, delete a post, post an announcement, notify the client…",
  request: {
    params: DrillParams,
    body: body(
      z.object({
        action: ResponseAction,
        targets: z
          .array(Id)
          .max(100)
          .optional()
          .openapi({ description: "Item ids, or member ids for remove_member" }),
        text: z.string().max(4000).optional(),
        requestId: RequestId,
      }),
    ),
  },
  responses: {
    200: Recorded,
    ...errorsOf(400, 401, 403, 404, 409, 429, 503),
  },
});

export const resolve = createRoute({
  method: "post",
  path: "/teams/{teamId}/drills/{drillId}/resolve",
  tags,
  summary:
    "Resolve the drill with a summary; it is scored at once, in the same write. The same `requestId` again answers the same scorecard",
  request: { params: DrillParams, body: body(z.object({ summary: Text, requestId: RequestId })) },
  responses: {
    200: json(
      z.object({
        drill: DrillSchema,
        scorecard: z.record(z.string(), z.unknown()),
        duplicate: z
          .boolean()
          .openapi({ description: "True when this request (or the scoring) had landed before" }),
      }),
      "Resolved and scored",
    ),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

export const timeline = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}/timeline",
  tags,
  summary: "Who did what when (server times)",
  request: { params: DrillParams },
  responses: {
    200: json(z.object({ items: z.array(TimelineEntrySchema) }), "The timeline"),
    ...errorsOf(401, 404, 503),
  },
});

export const scorecard = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}/scorecard",
  tags,
  summary: "The drill's scorecard, with the rubric it was scored against",
  request: { params: DrillParams },
  responses: {
    200: json(
      z.object({
        drill: DrillSchema,
        scorecard: z.record(z.string(), z.unknown()),
        rubric: z.record(z.string(), z.unknown()),
        hint: Localized,
      }),
      "Scorecard",
    ),
    ...errorsOf(401, 404, 503),
  },
});

const ReviewSchema = z
  .object({
    drillId: z.string(),
    notes: z.string().max(20_000),
    findings: z.array(z.object({ id: Id, text: Text })).max(100),
    actionItems: z
      .array(
        z.object({
          id: Id,
          text: Text,
          owner: z.string().trim().min(1).max(80),
          due: z.iso.date(),
          done: z.boolean(),
        }),
      )
      .max(100),
    version: z.number().int().min(0).max(1_000_000),
    updatedAt: z.number(),
    updatedBy: z.string(),
  })
  .openapi("Review");

export const getReview = createRoute({
  method: "get",
  path: "/teams/{teamId}/drills/{drillId}/review",
  tags,
  summary: "The post-drill review (复盘)",
  request: { params: DrillParams },
  responses: { 200: json(ReviewSchema, "The review"), ...errorsOf(401, 404, 503) },
});

export const putReview = createRoute({
  method: "put",
  path: "/teams/{teamId}/drills/{drillId}/review",
  tags,
  summary: "Save the review: notes, findings, action items with owner and due date (managers, responders)",
  request: {
    params: DrillParams,
    body: body(ReviewSchema.pick({ notes: true, findings: true, actionItems: true, version: true })),
  },
  responses: {
    200: json(ReviewSchema, "Saved"),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});
