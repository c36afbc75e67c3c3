import { createRoute, z } from "@hono/zod-openapi";
import { body, ErrorSchema, errorsOf, Id, json, NewPassword, TeamParams, UserSchema } from "../schemas.js";

export const changePassword = createRoute({
  method: "post",
  path: "/auth/password",
  tags: ["auth"],
  summary: "Change your password; every other session of the account ends, this one gets a fresh cookie",
  request: {
    body: body(z.object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })),
  },
  responses: {
    200: json(UserSchema, "Password changed; signed in again here"),
    ...errorsOf(400, 401),
    429: json(ErrorSchema, "Too many attempts; Retry-After says when"),
    ...errorsOf(503),
  },
});

export const ResetSchema = z
  .object({
    userId: z.string(),
    url: z.string().openapi({ description: "One-time link; the token rides in the fragment" }),
    expiresAt: z.number().openapi({ description: "Epoch ms" }),
  })
  .openapi("PasswordReset");

export const issueReset = createRoute({
  method: "post",
  path: "/teams/{teamId}/members/{userId}/password-reset",
  tags: ["teams"],
  summary:
    "Issue a one-time, expiring password-reset link for a member (managers; only for people whose every team you manage)",
  request: {
    params: TeamParams.extend({ userId: Id.openapi({ param: { name: "userId", in: "path" } }) }),
  },
  responses: {
    201: json(ResetSchema, "The link, to hand to the member; only its hash is stored"),
    ...errorsOf(401, 403, 404, 503),
  },
});

export const redeemReset = createRoute({
  method: "post",
  path: "/auth/reset-password",
  tags: ["auth"],
  summary: "Choose a new password with a reset link; ends every session of the account and signs in",
  request: {
    body: body(z.object({ token: z.string().min(20).max(200), password: NewPassword })),
  },
  responses: { 200: json(UserSchema, "Signed in with the new password"), ...errorsOf(400, 401, 503) },
});
