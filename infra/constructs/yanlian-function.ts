import { ArnFormat, Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { BUNDLING, type HandlerName, handlerEntry, ROOT } from "../bundling.js";

export interface YanlianFunctionProps {
  handler: HandlerName;
  /** Physical name, so the functions can name each other as schedule targets without a cycle. */
  functionName: string;
  environment: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * A Yanlian Lambda with the house defaults: Node.js 22 on arm64 (cheaper per millisecond), ESM bundled
 * by the local esbuild, JSON logs into a log group with a retention, and a role of its own that can
 * write only to that log group (no AWS managed policy), to which the stack adds exactly what it needs.
 */
export class YanlianFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: YanlianFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs the Yanlian ${props.handler} function`,
    });
    super(scope, id, {
      functionName: props.functionName,
      entry: handlerEntry(props.handler),
      handler: "handler",
      projectRoot: ROOT,
      depsLockFilePath: `${ROOT}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      recursiveLoop: lambda.RecursiveLoop.TERMINATE,
      environment: {
        ...props.environment,
        // Stack traces point at the TypeScript sources instead of minified columns.
        NODE_OPTIONS: "--enable-source-maps",
      },
      bundling: BUNDLING,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup.logGroupArn],
      }),
    );
  }

  /** The ARN of a function in this stack by its physical name, known before the function exists. */
  static arnOf(scope: Construct, functionName: string): string {
    return Stack.of(scope).formatArn({
      service: "lambda",
      resource: "function",
      resourceName: functionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}
