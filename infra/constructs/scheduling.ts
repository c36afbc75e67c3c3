import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as iam from "aws-cdk-lib/aws-iam";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface SchedulingProps {
  groupName: string;
  /** The functions schedules may invoke: injector, closer, planner, and the notifier for escalations. */
  targetArns: string[];
  production: boolean;
}

/**
 * EventBridge Scheduler for drills: one group holds every schedule Yanlian creates at run time, the role
 * the scheduler assumes may invoke only the schedule targets, and deliveries that keep failing land in a
 * dead-letter queue instead of vanishing.
 */
export class Scheduling extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly role: iam.Role;
  readonly deadLetters: sqs.Queue;
  /** The ARN pattern of every schedule in the group: what the functions may create and delete. */
  readonly scheduleArns: string;

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.group = new scheduler.ScheduleGroup(this, "Group", {
      scheduleGroupName: props.groupName,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.scheduleArns = stack.formatArn({
      service: "scheduler",
      resource: "schedule",
      resourceName: `${props.groupName}/*`,
    });

    this.deadLetters = new sqs.Queue(this, "DeadLetters", {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    this.role = new iam.Role(this, "Role", {
      description: "Assumed by EventBridge Scheduler to deliver Yanlian's drill schedules",
      // Only schedules of this account and of the drills' group may use the role (confused deputy).
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": stack.account },
          ArnLike: { "aws:SourceArn": this.scheduleArns },
        },
      }),
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: props.targetArns }),
    );
    this.deadLetters.grantSendMessages(this.role);
  }

  /** Lets a function create, change and delete schedules in the group, handing them only the scheduler role. */
  grantManageSchedules(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          "scheduler:CreateSchedule",
          "scheduler:UpdateSchedule",
          "scheduler:DeleteSchedule",
          "scheduler:GetSchedule",
        ],
        resources: [this.scheduleArns],
      }),
    );
    // Without PassRole, CreateSchedule fails at run time on AWS; the condition keeps the role for the scheduler.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["iam:PassRole"],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );
  }

  /** Any message in the dead-letter queue is a drill that did not start, close or page: somebody should look. */
  deadLetterAlarm(): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, "DeadLettersAlarm", {
      alarmDescription: "A Yanlian schedule or event could not be delivered after its retries (see the DLQ)",
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: "Maximum",
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
