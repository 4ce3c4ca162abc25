/**
 * Where things live in the bucket, described once: the functions read and write these
 * keys and the CDK stack grants exactly these prefixes. No SDK imports here, so infra can
 * import it without pulling the runtime in.
 */
export const bucketLayout = {
  /** Case photos: `uploads/<userId>/<ulid>.<ext>`, written by phones via presigned POST. */
  uploadsPrefix: 'uploads/',
  /** The validated city reference snapshot (grids, workers, catalog, 权责清单). */
  citySnapshotKey: 'reference/city.json',
} as const;
