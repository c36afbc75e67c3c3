import { Fn, type RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";

export interface ApiProps {
  /** Requests per second across the API, and the burst above it, before API Gateway answers 429. */
  rateLimit: number;
  burstLimit: number;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * An HTTP API (API Gateway v2) in front of the Hono app. Chosen over a Lambda function URL because
 * CloudFront can reach it without signing bodies (a function URL behind origin access control needs
 * every POST body hashed by the browser), and because it throttles and writes access logs itself.
 * Every route goes to the one function; the app authenticates and authorizes each request.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, "Http", {
      description: "Yanlian drill API (Hono on Lambda)",
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    new apigw.HttpStage(this, "Stage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTimeEpoch",
            ip: "$context.identity.sourceIp",
            method: "$context.httpMethod",
            path: "$context.path",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationMs: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            bytes: "$context.responseLength",
          }),
        ),
      },
    });
  }

  /**
   * Sends every `/api/*` request to the app. Separate from the constructor because the function
   * needs the site's URL, and the site needs this API's host name first.
   */
  serve(handler: lambda.IFunction): void {
    this.httpApi.addRoutes({
      path: "/api/{proxy+}",
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration("App", handler, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      }),
    });
  }

  /** The API's host name, for CloudFront's origin: the endpoint without its scheme. */
  get domainName(): string {
    return Fn.select(2, Fn.split("/", this.httpApi.apiEndpoint));
  }
}
