import { createRoute, z } from "@hono/zod-openapi";
import { body, ErrorSchema, errorsOf, json, Lang, Name, NewPassword, UserSchema } from "../schemas.js";

const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Whether the API and its database are reachable",
  responses: {
    200: json(z.object({ ok: z.literal(true), store: z.literal("reachable") }), "All good"),
    ...errorsOf(503),
  },
});

export const setupStatus = createRoute({
  method: "get",
  path: "/setup",
  tags: ["auth"],
  summary: "Whether the one-time setup is still waiting for the first manager",
  responses: { 200: json(z.object({ needed: z.boolean() }), "Setup state"), ...errorsOf(503) },
});

export const setup = createRoute({
  method: "post",
  path: "/setup",
  tags: ["auth"],
  summary: "Create the first manager with the one-time setup token",
  request: {
    body: body(
      z.object({
        token: z.string().min(10).max(200),
        email: Email,
        name: Name(80),
        password: NewPassword,
        lang: Lang.default("zh"),
      }),
    ),
  },
  responses: {
    201: json(UserSchema, "The first manager, signed in"),
    ...errorsOf(400),
    401: json(ErrorSchema, "Wrong or used setup token"),
    ...errorsOf(409, 503),
  },
});

export const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Sign in; sets an HttpOnly session cookie",
  request: { body: body(z.object({ email: Email, password: z.string().min(1).max(200) })) },
  responses: {
    200: json(UserSchema, "Signed in"),
    ...errorsOf(400, 401),
    429: json(
      ErrorSchema,
      "Too many attempts from this client, for this account from this client, or too many sign-ins at once; Retry-After says when",
    ),
    ...errorsOf(503),
  },
});

export const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "Sign out: ends every session of the account, copied cookies included",
  responses: { 204: { description: "Signed out" }, ...errorsOf(503) },
});

export const me = createRoute({
  method: "get",
  path: "/auth/me",
  tags: ["auth"],
  summary: "The signed-in user and their teams",
  responses: {
    200: json(
      UserSchema.extend({
        teams: z.array(z.object({ teamId: z.string(), name: z.string(), role: z.string() })),
      }),
      "The caller",
    ),
    ...errorsOf(401, 503),
  },
});

export const acceptInvite = createRoute({
  method: "post",
  path: "/auth/accept-invite",
  tags: ["auth"],
  summary:
    "Join a team with an invite link and sign in: a new person chooses a password (and may change the name), someone with an account enters theirs",
  request: {
    body: body(
      z.object({
        token: z.string().min(10).max(2000),
        password: z.string().min(1).max(200).openapi({
          description:
            "A new password (at least 10 characters) for a new account; your own for an existing one",
        }),
        name: Name(80).optional().openapi({
          description: "Your name, for a new account; an existing account keeps its own",
        }),
      }),
    ),
  },
  responses: {
    200: json(
      UserSchema.extend({ team: z.object({ teamId: z.string(), role: z.string() }).optional() }),
      "Joined and signed in",
    ),
    ...errorsOf(400, 401, 409),
    429: json(ErrorSchema, "Too many passwords tried for this account; wait and retry"),
    ...errorsOf(503),
  },
});

export const confirmAcknowledgement = createRoute({
  method: "get",
  path: "/ack/{token}",
  tags: ["drills"],
  summary:
    "The page a one-click link opens: a confirm button, so a chat app's link preview never acknowledges",
  request: { params: z.object({ token: z.string().min(10).max(2000) }) },
  responses: {
    200: {
      content: { "text/html": { schema: z.string() } },
      description: "A confirm page in Chinese and English",
    },
  },
});

export const acknowledgeLink = createRoute({
  method: "post",
  path: "/ack/{token}",
  tags: ["drills"],
  summary: "Acknowledge from a page's link: signed, one drill and one person, expiring, single use",
  request: { params: z.object({ token: z.string().min(10).max(2000) }) },
  responses: {
    200: json(
      z.object({ acknowledged: z.literal(true), drillId: z.string(), teamId: z.string() }),
      "Acknowledged",
    ),
    ...errorsOf(401, 404, 409, 503),
  },
});
