import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { StageConfig } from './config';
import { repoRoot } from './repo-root';
import type { Secrets } from './secrets';
import { CASES_PREFIX, CITY_SNAPSHOT_KEY, type Storage } from './storage';
import { FUNCTION_BUNDLING } from './api';

/** The background jobs of the events mechanism: the deliverer and the sweep. */
export const JOB_IDS = ['deliver-events', 'sweep-cases'] as const;
export type JobId = (typeof JOB_IDS)[number];

export interface JobsProps {
  config: StageConfig;
  storage: Storage;
  secrets: Secrets;
  /** Where a job's code lives; tests point this at a fixture. */
  jobEntry?: (jobId: JobId) => string;
}

export const defaultJobEntry = (jobId: JobId): string => join(repoRoot(), 'functions', 'src', 'jobs', `${jobId}.ts`);


/** What the jobs do to the table: read cases, messages and counters, and update or put them. Never Scan. */
export const JOB_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/**
 * The deliverer runs on the table's stream (only items with deliveries pending, by a filter)
 * for low latency and every minute for retries; the sweep runs every minute. Both are the
 * same code the local stack runs on timers.
 */
export class Jobs extends Construct {
  readonly functions = new Map<JobId, NodejsFunction>();

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const root = repoRoot();
    const entry = props.jobEntry ?? defaultJobEntry;
    const environment: Record<string, string> = {
      STAGE: props.config.stage,
      TABLE_NAME: props.storage.table.tableName,
      IDEMPOTENCY_TABLE_NAME: props.storage.idempotencyTable.tableName,
      UPLOAD_BUCKET: props.storage.uploadBucket.bucketName,
      // Read at cold start like every function's configuration; the jobs never resolve it.
      SESSION_SECRET_ARN: props.secrets.sessionSecret.secretArn,
      POWERTOOLS_SERVICE_NAME: 'gridtong',
      NODE_OPTIONS: '--enable-source-maps',
    };

    for (const jobId of JOB_IDS) {
      const name = jobId.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase());
      const fn = new NodejsFunction(this, name, {
        entry: entry(jobId),
        handler: 'handler',
        projectRoot: root,
        depsLockFilePath: join(root, 'package-lock.json'),
        description: `events job: ${jobId}`,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: 512,
        timeout: Duration.seconds(60),
        // One sweep or retry pass at a time is enough, and keeps two from racing needlessly.
        reservedConcurrentExecutions: jobId === 'sweep-cases' ? 1 : undefined,
        environment,
        loggingFormat: lambda.LoggingFormat.JSON,
        applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
        systemLogLevelV2: lambda.SystemLogLevel.WARN,
        logGroup: new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
        bundling: FUNCTION_BUNDLING,
      });
      props.storage.table.grants.actions(fn, ...JOB_TABLE_ACTIONS);
      // the deliverer sends subscribe messages and content checks — the only code that opens the sealed openid.
      if (jobId === 'deliver-events') {
        fn.addEnvironment('WECHAT_API_BASE', props.config.wechatApiBase);
        fn.addEnvironment('WECHAT_APPID', props.config.wechatAppId);
        fn.addEnvironment('WECHAT_SECRET_ARN', props.secrets.wechatSecret.secretArn);
        fn.addEnvironment('OPENID_KMS_KEY_ID', props.secrets.openidKey.keyArn);
        if (props.config.wechatTemplates) fn.addEnvironment('WECHAT_TEMPLATES', props.config.wechatTemplates);
        props.secrets.wechatSecret.grantRead(fn);
        props.secrets.openidKey.grantDecrypt(fn);
        // mediaCheckAsync fetches a resident's photo through a short-lived link this role signs.
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.storage.uploadBucket.arnForObjects(`${CASES_PREFIX}*`)] }));
      }
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.storage.uploadBucket.arnForObjects(CITY_SNAPSHOT_KEY)] }));
      new events.Rule(this, `${name}Schedule`, {
        description: `gridtong ${props.config.stage}: ${jobId} every minute`,
        schedule: events.Schedule.rate(Duration.minutes(1)),
        targets: [new targets.LambdaFunction(fn)],
      });
      this.functions.set(jobId, fn);
    }

    this.functions.get('deliver-events')!.addEventSource(new DynamoEventSource(props.storage.table, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      retryAttempts: 2,
      bisectBatchOnError: true,
      // Only writes that leave deliveries pending wake the deliverer (its own bookkeeping does not).
      filters: [
        lambda.FilterCriteria.filter({ dynamodb: { NewImage: { gsi5pk: { S: lambda.FilterRule.beginsWith('OUTBOX#') } } } }),
        // booking items owe deliveries under their own outbox partitions
        lambda.FilterCriteria.filter({ dynamodb: { NewImage: { gsi5pk: { S: lambda.FilterRule.beginsWith('BKOUTBOX#') } } } }),
      ],
    }));
  }
}
