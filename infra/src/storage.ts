import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { bucketLayout } from '@gridtong/functions/store/bucket-layout';
import { idempotencyTable, mainTable } from '@gridtong/functions/store/table-def';
import type { StageConfig } from './config';

/** Case photos are uploaded under this prefix. */
export const UPLOAD_PREFIX = bucketLayout.uploadsPrefix;
/** Photos a case holds, copied from uploads when it is filed. */
export const CASES_PREFIX = bucketLayout.casesPrefix;
/** The city reference snapshot the functions load at cold start. */
export const CITY_SNAPSHOT_KEY = bucketLayout.citySnapshotKey;

export interface StorageProps {
  config: StageConfig;
}

/** The single table, the idempotency table and the bucket (case photos, city reference snapshot). */
export class Storage extends Construct {
  readonly table: dynamodb.Table;
  readonly idempotencyTable: dynamodb.Table;
  readonly uploadBucket: s3.Bucket;

  constructor(scope: Construct, id: string, { config }: StorageProps) {
    super(scope, id);
    const prod = config.stage === 'prod';
    const stateful = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: mainTable.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: mainTable.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Short-lived items (rate-limit windows, invitations) carry an epoch-seconds expiry.
      timeToLiveAttribute: mainTable.ttlAttribute,
      // events: the deliverer follows the table's stream (items with deliveries pending).
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: prod,
      removalPolicy: stateful,
    });
    for (const index of mainTable.indexes) {
      // Sparse indexes: only items carrying the index keys appear, so ALL keeps queries single-hop.
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        // events: the outbox and sweep indexes carry keys only (their readers fetch the item);
        // the work queues carry only what a queue row shows.
        ...(index.projection.type === 'INCLUDE'
          ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] }
          : { projectionType: index.projection.type === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : dynamodb.ProjectionType.ALL }),
      });
    }

    this.idempotencyTable = new dynamodb.Table(this, 'IdempotencyTable', {
      partitionKey: { name: idempotencyTable.partitionKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: idempotencyTable.ttlAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Records expire within hours; losing them only re-opens the replay window.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.uploadBucket = new s3.Bucket(this, 'UploadBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The H5 build posts photos straight to S3 (presigned POST); wx.uploadFile needs no CORS.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [config.h5Origin],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      // A case copies its photos to cases/ when it is filed; uploads nothing used expire.
      lifecycleRules: [
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-unfiled-uploads', prefix: bucketLayout.uploadsPrefix, expiration: Duration.days(bucketLayout.uploadsExpireDays) },
      ],
      // Photos are evidence: keep them even when a dev stack is destroyed.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
