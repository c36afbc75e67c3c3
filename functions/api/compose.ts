import { createChannelSender } from "../adapters/channels/sender.js";
import type { Automation } from "../core/drills.js";
import type { ChannelSender, Clock, Entropy, Store } from "../core/ports.js";
import type { Scenario } from "../core/scenario.js";
import { createServices } from "../core/services.js";
import { createApp } from "./app.js";
import type { AuthConfig } from "./auth.js";
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
}

/** Wires the drill service and the API over one store; the same wiring on Lambda, `npm start` and tests. */
export function compose(input: ComposeInput) {
  const { service, programs } = createServices(input);
  const deps: AppDeps = { ...input, channels: input.channels ?? createChannelSender(), service, programs };
  return { app: createApp(deps), service, programs, deps };
}
