import { createRoute, z } from "@hono/zod-openapi";
import { DELIVERY_OUTCOMES } from "../../core/ports.js";
import {
  body,
  ChannelKind,
  ContactInput,
  Context,
  ErrorSchema,
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

const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const InviteSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    email: z.string(),
    role: Role,
    name: z.string().openapi({
      description: "The name a new account starts with; someone who already has an account keeps their own",
    }),
    invitedBy: z.string(),
    createdAt: z.number(),
    expiresAt: z.number(),
  })
  .openapi("Invite");

export const addMember = createRoute({
  method: "post",
  path: "/teams/{teamId}/members",
  tags,
  summary:
    "Invite someone by email (managers): the same answer whether or not they have an account; they join when they accept. Again for the same email re-issues a lost link",
  request: {
    params: TeamParams,
    body: body(
      z.object({
        email: Email,
        name: Name(80).openapi({
          description: "Used only if the email is new; an existing account joins under its own name",
        }),
        role: Role,
      }),
    ),
  },
  responses: {
    201: json(
      z.object({
        teamId: z.string(),
        email: z.string(),
        role: Role,
        status: z.literal("invited"),
        invite: z.object({ id: z.string(), url: z.string(), expiresAt: z.number() }),
      }),
      "Invited: send the link privately (single use, 7 days)",
    ),
    ...errorsOf(400, 401, 403, 404),
    409: json(ErrorSchema, "Already a member (`already_member`: change the role with PATCH)"),
    ...errorsOf(503),
  },
});

export const listInvites = createRoute({
  method: "get",
  path: "/teams/{teamId}/invites",
  tags,
  summary: "Invites not yet accepted (managers); links are shown only when issued",
  request: { params: TeamParams },
  responses: {
    200: json(z.object({ items: z.array(InviteSchema) }), "Pending invites"),
    ...errorsOf(401, 403, 404, 503),
  },
});

export const revokeInvite = createRoute({
  method: "delete",
  path: "/teams/{teamId}/invites/{inviteId}",
  tags,
  summary: "Withdraw an invite (managers); its link stops working",
  request: {
    params: TeamParams.extend({ inviteId: Id.openapi({ param: { name: "inviteId", in: "path" } }) }),
  },
  responses: {
    204: { description: "Withdrawn" },
    ...errorsOf(401, 403, 404, 503),
  },
});

export const appointManager = createRoute({
  method: "post",
  path: "/admin/teams/{teamId}/managers",
  tags: ["admin"],
  summary:
    "Recover a team (admins): make a member, or yourself, its manager, whatever its managers did; e.g. a team left with none",
  request: { params: TeamParams, body: body(z.object({ email: Email })) },
  responses: {
    200: json(MemberSchema, "The team's new manager"),
    ...errorsOf(400, 401, 403, 404),
    409: json(ErrorSchema, "Not a member (`not_a_member`): appoint yourself, then invite them"),
    ...errorsOf(503),
  },
});

const MemberParams = TeamParams.extend({ userId: Id.openapi({ param: { name: "userId", in: "path" } }) });

export const updateMember = createRoute({
  method: "patch",
  path: "/teams/{teamId}/members/{userId}",
  tags,
  summary: "Change a member's role (managers): the one way a role changes; the team always keeps a manager",
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
            outcome: z.enum(DELIVERY_OUTCOMES).openapi({
              description:
                "delivered; refused (nothing was sent: the target breaks a rule); failed (sent or tried, did not land)",
            }),
            code: z.string().optional().openapi({
              description:
                "Why it was refused or failed: invalid_url, insecure_url, vendor_host, blocked_address, unsupported_channel, dns, timeout, network, redirect, http_status, vendor_rejected, unexpected_response, internal",
            }),
            status: z
              .number()
              .optional()
              .openapi({ description: "The receiver's HTTP status, when it answered" }),
            vendorCode: z
              .number()
              .optional()
              .openapi({ description: "The vendor's error code (errcode, code)" }),
            attempts: z.number(),
            durationMs: z.number(),
          }),
        ),
      }),
      "One delivery result per contact on the roster (empty when the roster is)",
    ),
    ...errorsOf(401, 403, 404, 503),
  },
});
