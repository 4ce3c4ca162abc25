import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { deployedRoutes, type RouteDef } from '@gridtong/shared/api/routes';
import { join } from 'node:path';
import { accessFor, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from './access';
import type { StageConfig } from './config';
import { repoRoot } from './repo-root';
import type { Secrets } from './secrets';
import { CASES_PREFIX, CITY_SNAPSHOT_KEY, UPLOAD_PREFIX, type Storage } from './storage';

export interface ApiProps {
  config: StageConfig;
  storage: Storage;
  secrets: Secrets;
  /** Where a route's handler lives; tests point this at a fixture. */
  handlerEntry?: (routeId: string) => string;
}

export const defaultHandlerEntry = (routeId: string): string => join(repoRoot(), 'functions', 'src', 'handlers', `${routeId}.ts`);

// ESM bundles still meet CommonJS dependencies that call require(); give them one.
const ESM_REQUIRE_BANNER = "import { createRequire as __gridtongCreateRequire } from 'node:module'; const require = __gridtongCreateRequire(import.meta.url);";

/** How every function (route or job) is bundled: small ESM, the SDK left to the runtime. */
export const FUNCTION_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  externalModules: ['@aws-sdk/*'],
};

const pascal = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());

/** The HTTP API: one function per deployed route of the route table, nothing else. */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;
    const routes = deployedRoutes();
    const handlerEntry = props.handlerEntry ?? defaultHandlerEntry;
    const root = repoRoot();

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `gridtong-${config.stage}`,
      description: `gridtong API (${config.stage})`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [config.h5Origin],
        allowMethods: [...new Set(routes.map((r) => apigw.CorsHttpMethod[r.method]))],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        // Headers the handlers set that the H5 client reads.
        exposeHeaders: ['location', 'retry-after', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
    });

    // Access log without source IP or user agent: no personal data in logs (PIPL).
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const environment: Record<string, string> = {
      STAGE: config.stage,
      TABLE_NAME: props.storage.table.tableName,
      IDEMPOTENCY_TABLE_NAME: props.storage.idempotencyTable.tableName,
      UPLOAD_BUCKET: props.storage.uploadBucket.bucketName,
      SESSION_SECRET_ARN: props.secrets.sessionSecret.secretArn,
      WECHAT_API_BASE: config.wechatApiBase,
      WECHAT_APPID: config.wechatAppId,
      WECHAT_SECRET_ARN: props.secrets.wechatSecret.secretArn,
      // The openid's envelope key and the content-check callback token
      OPENID_KMS_KEY_ID: props.secrets.openidKey.keyArn,
      WECHAT_CALLBACK_TOKEN_ARN: props.secrets.wechatCallbackToken.secretArn,
      POWERTOOLS_SERVICE_NAME: 'gridtong',
      NODE_OPTIONS: '--enable-source-maps',
    };

    for (const route of routes) {
      const name = pascal(route.id);
      const fn = new NodejsFunction(this, name, {
        entry: handlerEntry(route.id),
        handler: 'handler',
        projectRoot: root,
        depsLockFilePath: join(root, 'package-lock.json'),
        description: `${route.method} ${route.path} (${route.id})`,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: 512,
        timeout: Duration.seconds(10),
        environment,
        loggingFormat: lambda.LoggingFormat.JSON,
        applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
        systemLogLevelV2: lambda.SystemLogLevel.WARN,
        // An explicit log group, not `logRetention`, which would add a custom-resource function.
        logGroup: new logs.LogGroup(this, `${name}Logs`, {
          retention: logs.RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        bundling: FUNCTION_BUNDLING,
      });
      this.grant(fn, route, props);
      this.functions.set(route.id, fn);

      this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
      });
    }

    new CfnOutput(this, 'Url', { value: this.stage.url, description: 'HTTP API base URL' });
  }

  private grant(fn: NodejsFunction, route: RouteDef, { storage, secrets }: ApiProps): void {
    const access = accessFor(route.id);
    // The route factory counts a rate-limited route's requests in the table.
    if (route.rateLimit && access.table !== 'readWrite') throw new Error(`${route.id} has a rate limit, so it must write the table`);
    if (access.table !== 'none') {
      const actions = access.table === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
      storage.table.grants.actions(fn, ...actions);
    }
    if (route.idempotent) {
      storage.idempotencyTable.grants.actions(fn, ...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS);
    }
    if (access.sessions) secrets.sessionSecret.grantRead(fn);
    if (access.wechat) secrets.wechatSecret.grantRead(fn);
    const objects = (actions: string[], pattern: string) =>
      fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [storage.uploadBucket.arnForObjects(pattern)] }));
    if (access.uploads === 'put') objects(['s3:PutObject'], `${UPLOAD_PREFIX}*`);
    if (access.uploads === 'read' || access.uploads === 'check') {
      objects(['s3:GetObject'], `${UPLOAD_PREFIX}*`);
      objects(['s3:GetObject'], `${CASES_PREFIX}*`);
    }
    if (access.uploads === 'check') {
      objects(['s3:PutObject'], `${CASES_PREFIX}*`);
      // Without ListBucket, HeadObject on a missing key answers 403 and the handler cannot
      // tell "not uploaded yet" (422) from a real permission fault.
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [storage.uploadBucket.bucketArn] }));
    }
    if (access.city) objects(['s3:GetObject'], CITY_SNAPSHOT_KEY);
    // Login may only make data keys; only the sender may decrypt them.
    if (access.openid === 'seal') secrets.openidKey.grant(fn, 'kms:GenerateDataKey');
    if (access.openid === 'open') secrets.openidKey.grantDecrypt(fn);
    if (access.callbackToken) secrets.wechatCallbackToken.grantRead(fn);
  }
}

