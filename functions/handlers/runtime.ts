import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { EventBridgeBus } from "../adapters/aws/bus.js";
import { EventBridgeScheduler } from "../adapters/aws/scheduler.js";
import { createChannelSender } from "../adapters/channels/sender.js";
import { cryptoEntropy, systemClock } from "../adapters/system.js";
import { acknowledgeLink } from "../api/auth.js";
import type { Automation } from "../core/drills.js";
import { Notifier } from "../core/notifier.js";
import type { Scenario } from "../core/scenario.js";
import { createServices } from "../core/services.js";
import { createDynamoClient } from "../store/client.js";
import { DynamoStore } from "../store/dynamo-store.js";
import type { AwsConfig } from "./config.js";

/** Structured JSON logs: one object a line, which CloudWatch Logs Insights reads field by field. */
export const log = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * The adapters every Yanlian Lambda shares, built once per container from validated configuration:
 * the store on DynamoDB, EventBridge Scheduler, the EventBridge bus and the notifier's channels.
 * `linkKey` signs acknowledgement links; only functions that page are given one.
 */
export function createAwsAutomation(config: AwsConfig, linkKey?: string) {
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
  const publicUrl = config.YANLIAN_PUBLIC_URL;
  const channels = createChannelSender();
  const notifier = new Notifier({
    store,
    channels,
    scheduler,
    bus,
    clock: systemClock,
    ackLink: async (link) => {
      // A function without the link key must never page: the stack routes every page to the notifier.
      if (!linkKey) throw new Error("this function has no link key and cannot page");
      return acknowledgeLink({ publicUrl, linkKey }, link);
    },
  });
  const automation: Automation = { scheduler, bus, notifier, log };
  return { store, automation, channels };
}

/**
 * The scheduled Lambdas (injector, closer, planner, notifier): the use cases, no HTTP app. Only the
 * planner picks scenarios and is handed the catalog; the others work from the drill's own snapshot.
 */
export function createWorkerRuntime(
  config: AwsConfig,
  options: { linkKey?: string; catalog?: readonly Scenario[] } = {},
) {
  const { store, automation } = createAwsAutomation(config, options.linkKey);
  const services = createServices({
    store,
    clock: systemClock,
    entropy: cryptoEntropy,
    catalog: options.catalog ?? [],
    automation,
  });
  return { store, ...services };
}
