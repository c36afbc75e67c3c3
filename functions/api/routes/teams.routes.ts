import { createRoute, z } from "@hono/zod-openapi";
import {
  body,
  ChannelKind,
  ContactInput,
  Context,
  errorsOf,
  Id,
  json,
  MemberSchema,
  Name,
  Role,
  RosterSchema,
  TeamParams,
  TeamSchema,
  Timezone,
} from "../schemas.js";

const tags = ["teams"];

export const listTeams = createRoute({
  method: "get",
  path: "/teams",
  tags,
  summary: "The teams you belong to, with your role",
  responses: {
    200: json(z.object({ items: z.array(TeamSchema) }), "Your teams"),
    ...errorsOf(401, 503),
  },
});

export const createTeam = createRoute({
  method: "post",
  path: "/teams",
  tags,
  summary: "Create a team (admins); you become its manager",
  request: {
    body: body(
      z.object({
        name: Name(80),
        timezone: Timezone.default("Asia/Shanghai"),
        context: Context.default({}),
      }),
    ),
  },
  responses: {
    201: json(TeamSchema, "Created"),
    ...errorsOf(400, 401, 403, 503),
  },
});

export const getTeam = createRoute({
  method: "get",
  path: "/teams/{teamId}",
  tags,
  summary: "One team",
  request: { params: TeamParams },
  responses: { 200: json(TeamSchema, "The team"), ...errorsOf(401, 404, 503) },
});

export const updateTeam = createRoute({
  method: "patch",
  path: "/teams/{teamId}",
  tags,
  summary: "Rename a team, change its timezone or the names drills use (managers)",
  request: {
    params: TeamParams,
    body: body(
      z.object({
        name: Name(80).optional(),
        timezone: Timezone.optional(),
        context: Context.optional(),
      }),
    ),
  },
  responses: {
    200: json(TeamSchema, "Updated"),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

export const listMembers = createRoute({
  method: "get",
  path: "/teams/{teamId}/members",
  tags,
  summary: "Members and their roles",
  request: { params: TeamParams },
  responses: {
    200: json(z.object({ items: z.array(MemberSchema) }), "Members"),
    ...errorsOf(401, 404, 503),
  },
});

export const addMember = createRoute({
  method: "post",
  path: "/teams/{teamId}/members",
  tags,
  summary: "Add a member by email (managers); a new person gets a one-time invite link to choose a password",
  request: {
    params: TeamParams,
    body: body(
      z.object({
        email: z
          .email()
          .max(254)
          .transform((e) => e.toLowerCase()),
        name: Name(80),
        role: Role,
      }),
    ),
  },
  responses: {
    201: json(
      MemberSchema.extend({ invite: z.object({ url: z.string(), expiresAt: z.number() }).optional() }),
      "Added",
    ),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

const MemberParams = TeamParams.extend({ userId: Id.openapi({ param: { name: "userId", in: "path" } }) });

export const updateMember = createRoute({
  method: "patch",
  path: "/teams/{teamId}/members/{userId}",
  tags,
  summary: "Change a member's role (managers)",
  request: { params: MemberParams, body: body(z.object({ role: Role })) },
  responses: {
    200: json(MemberSchema, "Updated"),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

export const removeMember = createRoute({
  method: "delete",
  path: "/teams/{teamId}/members/{userId}",
  tags,
  summary: "Remove a member (managers); the last manager cannot leave",
  request: { params: MemberParams },
  responses: {
    204: { description: "Removed" },
    ...errorsOf(401, 403, 404, 409, 503),
  },
});

export const getRoster = createRoute({
  method: "get",
  path: "/teams/{teamId}/roster",
  tags,
  summary: "The on-call roster: primary and backup with their contact channel (webhooks masked)",
  request: { params: TeamParams },
  responses: { 200: json(RosterSchema, "Roster"), ...errorsOf(401, 404, 503) },
});

export const putRoster = createRoute({
  method: "put",
  path: "/teams/{teamId}/roster",
  tags,
  summary: "Set the on-call roster (managers); contacts must be members who can respond",
  request: {
    params: TeamParams,
    body: body(
      z.object({
        primary: ContactInput.optional(),
        backup: ContactInput.optional(),
        managers: ContactInput.optional().openapi({
          description: "Last rung of escalation: where managers are reached",
        }),
      }),
    ),
  },
  responses: {
    200: json(RosterSchema, "Saved"),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

const RosterSlot = z.enum(["primary", "backup", "managers"]);

export const testPage = createRoute({
  method: "post",
  path: "/teams/{teamId}/roster/test-page",
  tags,
  summary:
    "Send a test page (marked 【演练 DRILL】) to every contact on the roster and report each delivery (managers)",
  request: { params: TeamParams },
  responses: {
    200: json(
      z.object({
        results: z.array(
          z.object({
            slot: RosterSlot,
            userId: z.string(),
            name: z.string(),
            channel: ChannelKind,
            target: z.string().openapi({ description: "Masked webhook URL" }),
            ok: z.boolean(),
            status: z.number().optional(),
            attempts: z.number(),
            error: z.string().optional(),
            durationMs: z.number(),
          }),
        ),
      }),
      "One delivery result per contact on the roster (empty when the roster is)",
    ),
    ...errorsOf(401, 403, 404, 503),
  },
});
