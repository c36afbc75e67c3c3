import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { DETAIL_TYPES, EVENT_SOURCE } from "../../functions/core/ports.js";

export interface EventsProps {
  busName: string;
  archiveDays: number;
}

/** The drills' own bus: every state change is published here, archived for replay, and routed to the notifier. */
export class Events extends Construct {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);
    this.bus = new events.EventBus(this, "Bus", { eventBusName: props.busName });
    this.archive = this.bus.archive("Archive", {
      description:
        "Every Yanlian drill event, kept so a day can be replayed into the notifier or a new consumer",
      eventPattern: { source: [EVENT_SOURCE] },
      retention: Duration.days(props.archiveDays),
    });
  }

  /** The first page of a drill follows its "Drill Injected" event; later rungs come from escalation schedules. */
  routeInjectionsTo(notifier: lambda.IFunction, deadLetters: sqs.IQueue): events.Rule {
    return new events.Rule(this, "InjectedToNotifier", {
      eventBus: this.bus,
      description: "Pages the on-call people when a drill is injected",
      eventPattern: { source: [EVENT_SOURCE], detailType: [DETAIL_TYPES.injected] },
      targets: [
        new targets.LambdaFunction(notifier, {
          deadLetterQueue: deadLetters,
          retryAttempts: 8,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
  }
}
