import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import catalog from "../../scenarios/catalog.json" with { type: "json" };
import { EventBridgeBus } from "../adapters/aws/bus.js";
import { EventBridgeScheduler } from "../adapters/aws/scheduler.js";
import { createChannelSender } from "../adapters/channels/sender.js";
import { cryptoEntropy, systemClock } from "../adapters/system.js";
import { acknowledgeLink } from "../api/auth.js";
import { compose } from "../api/compose.js";
import { Notifier } from "../core/notifier.js";
import type { Scenario } from "../core/scenario.js";
import { createDynamoClient } from "../store/client.js";
import { DynamoStore } from "../store/dynamo-store.js";
import { readConfig } from "./config.js";

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * Everything a Yanlian Lambda needs, built once per container from validated configuration: the
 * store on DynamoDB, EventBridge Scheduler and the EventBridge bus, the notifier's channels, the API.
 */
export function createAwsRuntime(env: NodeJS.ProcessEnv = process.env) {
  const config = readConfig(env);
  const store = new DynamoStore(
    createDynamoClient(
      config.YANLIAN_DYNAMODB_ENDPOINT ? { endpoint: config.YANLIAN_DYNAMODB_ENDPOINT } : {},
    ),
    config.YANLIAN_TABLE,
  );
  const scheduler = new EventBridgeScheduler({
    client: new SchedulerClient({}),
    groupName: config.YANLIAN_SCHEDULE_GROUP,
    roleArn: config.YANLIAN_SCHEDULER_ROLE_ARN,
    deadLetterArn: config.YANLIAN_DLQ_ARN,
    targets: {
      inject: config.YANLIAN_INJECTOR_ARN,
      close: config.YANLIAN_CLOSER_ARN,
      plan: config.YANLIAN_PLANNER_ARN,
      escalate: config.YANLIAN_NOTIFIER_ARN,
    },
  });
  const bus = new EventBridgeBus({ client: new EventBridgeClient({}), busName: config.YANLIAN_BUS_NAME });
  const auth = {
    sessionKey: config.YANLIAN_SESSION_KEY,
    secureCookies: config.YANLIAN_PUBLIC_URL.startsWith("https://"),
    allowedOrigins: [new URL(config.YANLIAN_PUBLIC_URL).origin],
    publicUrl: config.YANLIAN_PUBLIC_URL,
    sessionHours: 12,
  };
  const notifier = new Notifier({
    store,
    channels: createChannelSender(),
    scheduler,
    bus,
    clock: systemClock,
    ackLink: (link) => acknowledgeLink(auth, link),
  });
  return compose({
    store,
    clock: systemClock,
    entropy: cryptoEntropy,
    catalog: catalog as unknown as Scenario[],
    auth,
    automation: { scheduler, bus, notifier, log },
  });
}
