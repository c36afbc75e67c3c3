import { z } from "@hono/zod-openapi";
import { RESPONSE_ACTIONS } from "../core/drills.js";
import { cleanName } from "../core/names.js";
import { BUSINESSES } from "../core/noise/types.js";
import { passwordProblems } from "../core/passwords.js";
import { CHANNEL_KINDS, DRILL_STATUSES, ROLES } from "../core/ports.js";
import { CATEGORIES, LANGS, SANDBOX_SURFACES, SEVERITIES, SURFACES } from "../core/vocabulary.js";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: ErrorSchema } },
  description,
});

/** The error responses every authenticated route can give. */
export const errors = {
  400: errorResponse("The request does not match the schema; `details` names each field"),
  401: errorResponse("Not signed in"),
  403: errorResponse("Your role in this team does not allow it, or a cross-site request"),
  404: errorResponse("No such object in a team you belong to"),
  409: errorResponse(
    "A conflicting change won first, or a drill's bounds are spent (`person_limit_reached`, `drill_limit_reached`)",
  ),
  429: errorResponse("Too many actions at once (`rate_limited`); `Retry-After` says when to try again"),
  503: errorResponse("The database is unreachable; retry shortly"),
} as const;

/** The error responses a route can give, by status: `responses: { 200: …, ...errorsOf(401, 404, 503) }`. */
export function errorsOf<C extends keyof typeof errors>(...codes: C[]): Pick<typeof errors, C> {
  return Object.fromEntries(codes.map((code) => [code, errors[code]])) as Pick<typeof errors, C>;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const body = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const Localized = z.object({ zh: z.string(), en: z.string() }).openapi("Localized");
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "expected an id");
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "expected a scenario id such as competitor-group-raid")
  .max(64);
/**
 * A person's or a team's name: control, bidirectional and zero-width characters go, and a name that is
 * empty without them, or holds invalid text, is a 400 naming the field (`details[].zh` in Chinese).
 */
export const Name = (max = 80) =>
  z
    .string()
    .max(max)
    .transform((raw, ctx) => {
      const clean = cleanName(raw);
      if (clean.ok) return clean.value;
      ctx.addIssue({ code: "custom", message: clean.problem.message, params: { zh: clean.problem.zh } });
      return z.NEVER;
    })
    .openapi({ type: "string", maxLength: max, example: "陈晓" });

/** A new password: long enough, and not one a guesser tries first (see `core/passwords.ts`). */
export const NewPassword = z
  .string()
  .max(200)
  .superRefine((password, ctx) => {
    for (const p of passwordProblems(password)) {
      ctx.addIssue({ code: "custom", message: p.message, params: { zh: p.zh, reason: p.code } });
    }
  })
  .openapi({ type: "string", minLength: 10, maxLength: 200 });

export const Role = z.enum(ROLES);
export const Lang = z.enum(LANGS);
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month such as "2026-11"');
export const Iso = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-22T02:00:00+08:00" });
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "expected 8–64 letters, digits, - or _")
  .optional()
  .openapi({ description: "Client-chosen id; a retried request with the same id is recorded once" });

export const TeamParams = z.object({ teamId: Id.openapi({ param: { name: "teamId", in: "path" } }) });
export const DrillParams = TeamParams.extend({
  drillId: Id.openapi({ param: { name: "drillId", in: "path" } }),
});

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), admin: z.boolean(), lang: Lang })
  .openapi("User");

export const Context = z
  .object({
    brand: Localized.optional(),
    group: Localized.optional(),
    client: Localized.optional(),
    staff: Localized.optional(),
    business: z
      .enum(BUSINESSES)
      .optional()
      .openapi({ description: "The team's line of business; the sandbox talks about it" }),
    surfaces: z
      .array(z.enum(SANDBOX_SURFACES))
      .min(1)
      .max(SANDBOX_SURFACES.length)
      .refine((list) => new Set(list).size === list.length, "each surface at most once")
      .optional()
      .openapi({ description: "The surfaces the team works on; each carries noise in every drill" }),
  })
  .openapi("TeamContext", { description: "Names drills use so they look like the team's own community" });

/** The team context as the API answers it (the domain's own type: any surface). */
export const ContextView = Context.extend({ surfaces: z.array(z.enum(SURFACES)).optional() }).openapi(
  "TeamContextView",
);

export const Timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "expected an IANA timezone such as Asia/Shanghai");

export const TeamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    context: ContextView,
    paused: z.boolean(),
    createdAt: z.number(),
    role: Role.optional(),
  })
  .openapi("Team");

export const MemberSchema = z
  .object({
    teamId: z.string(),
    userId: z.string(),
    role: Role,
    name: z.string(),
    email: z.string(),
    addedAt: z.number(),
  })
  .openapi("Member");

export const ChannelKind = z.enum(CHANNEL_KINDS);
export const ContactInput = z.object({
  userId: Id,
  channel: ChannelKind,
  // The shape here; where it may point (the vendor's host, a public address, loopback only when the
  // operator allowed it) is the channel sender's rule, applied by the handler with the field's path.
  target: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional()
    .openapi({
      description:
        "The webhook URL; omit it to keep the stored one for the same person and channel (the API never returns it)",
    }),
  secret: z.string().min(1).max(256).optional(),
});
export const ContactView = z.object({
  userId: z.string(),
  name: z.string(),
  channel: ChannelKind,
  /** Masked: the webhook URL is a secret. */
  target: z.string(),
  hasSecret: z.boolean(),
});
export const RosterSchema = z
  .object({
    teamId: z.string(),
    primary: ContactView.optional(),
    backup: ContactView.optional(),
    managers: ContactView.optional(),
    updatedAt: z.number().optional(),
  })
  .openapi("Roster");

export const ScenarioSummary = z
  .object({
    id: z.string(),
    version: z.number(),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    title: Localized,
    brief: Localized,
    surfaces: z
      .array(z.enum(SURFACES))
      .optional()
      .openapi({ description: "Managers only: where the scenario lands" }),
    window: z.string().optional().openapi({ description: "Managers only: when the scenario may land" }),
    custom: z.boolean(),
  })
  .openapi("ScenarioSummary");

export const DrillStatus = z.enum(DRILL_STATUSES);
export const DrillSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    status: DrillStatus,
    practice: z.boolean(),
    month: z.string(),
    plannedAt: z.number(),
    injectedAt: z.number().optional(),
    acknowledgedAt: z.number().optional(),
    detectedAt: z.number().optional(),
    resolvedAt: z.number().optional(),
    closedAt: z.number().optional(),
    timeoutAt: z.number().optional(),
    summary: z.string().optional(),
    abortReason: z.string().optional(),
    surfaces: z.array(z.enum(SURFACES)),
    /** Hidden from responders while the drill runs: the title would give the incident away. */
    scenario: ScenarioSummary.pick({
      id: true,
      version: true,
      category: true,
      severity: true,
      title: true,
    }).optional(),
    seed: z.number().optional(),
  })
  .openapi("Drill");

export const ResponseAction = z.enum(RESPONSE_ACTIONS);
export const TimelineEntrySchema = z
  .object({
    id: z.string(),
    at: z.number(),
    actor: z.string(),
    actorName: z.string(),
    action: z.string(),
    targets: z.array(z.string()).optional(),
    text: z.string().optional(),
    system: z.boolean().optional(),
  })
  .openapi("TimelineEntry");

export const Text = z.string().trim().min(1).max(4000);
