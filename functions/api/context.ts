import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Caller, DrillService } from "../core/drills.js";
import type { ChannelSender, Clock, Entropy, Store } from "../core/ports.js";
import type { ProgramService } from "../core/programs.js";
import type { Scenario } from "../core/scenario.js";
import type { SignInGuard } from "../core/sign-in.js";
import type { AuthConfig } from "./auth.js";
import { validationHook } from "./errors.js";

export type AppEnv = { Variables: { caller: Caller } };

/** Everything the API needs, created once per process (a Lambda container or `npm start`). */
export interface AppDeps {
  store: Store;
  service: DrillService;
  programs: ProgramService;
  clock: Clock;
  entropy: Entropy;
  /** The built-in catalog. */
  catalog: readonly Scenario[];
  auth: AuthConfig;
  /** The channels pages go out on; the roster's test page uses the same ones. */
  channels: ChannelSender;
  /** The sign-in limits: per account and client, per client, and the process-wide cap on password hashes. */
  signIn: SignInGuard;
  /** Who is asking, for the per-client limits (`clientAddress` unless a test names its clients). */
  clientOf: (c: Context) => string;
}

/** A router whose validation failures all answer in the API's one error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
