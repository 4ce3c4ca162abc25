import * as z from 'zod';
import { coordSystemSchema } from '../schemas/case';
import { agencyServiceSchema, catalogItemSchema } from '../schemas/catalog';
import { workerTitleSchema } from '../schemas/city';
import { communityCodeSchema, gridCodeSchema, streetCodeSchema } from '../schemas/common';
import { latitudeQuery, longitudeQuery } from './query';

export const catalogResponseSchema = z.object({
  items: z.array(catalogItemSchema),
  services: z.array(agencyServiceSchema),
  version: z.string(),
});
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

export const locateQuerySchema = z.object({
  lat: latitudeQuery,
  lng: longitudeQuery,
  coord: coordSystemSchema.default('gcj02'),
});

export const workerCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: workerTitleSchema,
  titleLabel: z.string(),
  phone: z.string(),
  dutyHours: z.string(),
  onDuty: z.boolean(),
});
export type WorkerCard = z.infer<typeof workerCardSchema>;

export const locateResponseSchema = z.object({
  grid: z.object({ code: z.string(), name: z.string() }),
  community: z.object({ code: z.string(), name: z.string() }),
  street: z.object({ code: z.string(), name: z.string() }),
  district: z.object({ code: z.string(), name: z.string() }),
  workers: z.array(workerCardSchema),
  wgs84: z.object({ lat: z.number(), lng: z.number() }),
});
export type LocateResponse = z.infer<typeof locateResponseSchema>;

export const areasResponseSchema = z.object({
  streets: z.array(z.object({
    code: streetCodeSchema,
    name: z.string(),
    communities: z.array(z.object({
      code: communityCodeSchema,
      name: z.string(),
      grids: z.array(z.object({
        code: gridCodeSchema,
        name: z.string(),
        landmark: z.string(),
        /** A WGS-84 point well inside the grid: places a report there when the phone gives no location. */
        center: z.object({ lat: z.number(), lng: z.number() }).optional(),
      })),
    })),
  })),
});
export type AreasResponse = z.infer<typeof areasResponseSchema>;
