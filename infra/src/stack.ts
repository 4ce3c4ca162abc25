import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import type { StageConfig } from './config';
import { Secrets } from './secrets';
import { Storage } from './storage';
// events: the deliverer and the sweep
import { Jobs, type JobId } from './jobs';

export interface GridtongStackProps extends StackProps {
  config: StageConfig;
  /** Where a route's handler lives; defaults to functions/src/handlers/<id>.ts. */
  handlerEntry?: (routeId: string) => string;
  /** events: where a background job's code lives; defaults to functions/src/jobs/<id>.ts. */
  jobEntry?: (jobId: JobId) => string;
}

/**
 * One stage of 网格通. Environment-agnostic and free of literal ARNs, so the same template
 * deploys to the aws and aws-cn partitions.
 */
export class GridtongStack extends Stack {
  readonly storage: Storage;
  readonly secrets: Secrets;
  readonly api: Api;
  readonly jobs: Jobs;

  constructor(scope: Construct, id: string, props: GridtongStackProps) {
    super(scope, id, props);
    const { config } = props;
    Tags.of(this).add('app', 'gridtong');
    Tags.of(this).add('stage', config.stage);

    this.storage = new Storage(this, 'Storage', { config });
    this.secrets = new Secrets(this, 'Secrets', { config });
    this.api = new Api(this, 'Api', { config, storage: this.storage, secrets: this.secrets, handlerEntry: props.handlerEntry });
    this.jobs = new Jobs(this, 'Jobs', { config, storage: this.storage, secrets: this.secrets, jobEntry: props.jobEntry });

    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'UploadBucketName', { value: this.storage.uploadBucket.bucketName });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechatSecret.secretArn,
      description: 'Put the real AppSecret here: aws secretsmanager put-secret-value --secret-id <arn> --secret-string <AppSecret>',
    });
  }
}

export const stackName = (config: StageConfig): string => `Gridtong-${config.stage}`;
