/**
 * Where things live in the bucket, described once: the functions read and write these
 * keys and the CDK stack grants exactly these prefixes. No SDK imports here, so infra can
 * import it without pulling the runtime in.
 */
import { UPLOADS_PREFIX } from '@gridtong/shared/report/upload-policy';

export const bucketLayout = {
  /**
   * Fresh uploads: `uploads/<userId>/<ulid>.<ext>`, written by phones via presigned POST.
   * Transient: a case copies what it uses, and what no case used expires (lifecycle on AWS).
   */
  uploadsPrefix: UPLOADS_PREFIX,
  /** Photos a case holds: `cases/<caseId>/<ulid>.<ext>`, copied on filing and never written again. */
  casesPrefix: 'cases/',
  /** Days an upload stays in uploads/ before the bucket deletes it. */
  uploadsExpireDays: 2,
  /** The validated city reference snapshot (grids, workers, catalog, 权责清单). */
  citySnapshotKey: 'reference/city.json',
} as const;
