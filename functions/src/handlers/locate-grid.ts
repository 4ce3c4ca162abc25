import { defineRoute } from '../http/route';
import { locateGrid } from '../city/locate';

export const handler = defineRoute('locate-grid', async (req, rt) => ({ body: await locateGrid(rt, req.principal, req.query, req.now) }));
