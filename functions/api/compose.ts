import type { Context } from "hono";
import { createChannelSender } from "../adapters/channels/sender.js";
import { MemoryRateLimiter } from "../adapters/rate-limiter.js";
import type { Automation } from "../core/drills.js";
import type { ChannelSender, Clock, Entropy, RateLimiter, Store } from "../core/ports.js";
import type { Scenario } from "../core/scenario.js";
import { createServices } from "../core/services.js";
import { SIGN_IN_LIMITS, SignInGuard, type SignInLimits } from "../core/sign-in.js";
import { createApp } from "./app.js";
import { type AuthConfig, clientAddress } from "./auth.js";
import type { AppDeps } from "./context.js";

export interface ComposeInput {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  catalog: readonly Scenario[];
  auth: AuthConfig;
  automation?: Automation;
  /** Defaults to the real webhook senders; the runtimes pass the ones their notifier uses. */
  channels?: ChannelSender;
  /** Where sign-in counters live: memory by default (one process); the table on AWS (many Lambdas). */
  limiter?: RateLimiter;
  signInLimits?: Partial<SignInLimits>;
  clientOf?: (c: Context) => string;
}

/** Wires the drill service and the API over one store; the same wiring on Lambda, `npm start` and tests. */
export function compose(input: ComposeInput) {
  const { service, programs } = createServices(input);
  const signIn = new SignInGuard(input.limiter ?? new MemoryRateLimiter(), input.clock, {
    ...SIGN_IN_LIMITS,
    ...input.signInLimits,
  });
  const deps: AppDeps = {
    ...input,
    channels: input.channels ?? createChannelSender(),
    service,
    programs,
    signIn,
    clientOf: input.clientOf ?? clientAddress,
  };
  return { app: createApp(deps), service, programs, deps };
}
