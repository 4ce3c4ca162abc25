import { NEARBY_RADIUS_METRES } from '@gridtong/shared/api/cases';
import { requestContext } from '../context';
import { defineRoute } from '../http/route';
import { nearbyOpenCases } from '../cases/nearby';

export const handler = defineRoute('list-nearby-cases', async (req, rt) => ({
    body: { cases: await nearbyOpenCases(rt, requestContext(req), req.query), radiusMetres: NEARBY_RADIUS_METRES },
}));
