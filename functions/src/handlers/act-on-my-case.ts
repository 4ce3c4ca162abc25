import { defineRoute } from '../http/route';
import { actOnCase, conflictWithView } from '../cases/resident-actions';
import { residentCaseView } from '../cases/resident-views';

export const handler = defineRoute('act-on-my-case', async (req, rt) => {
  const city = await rt.city.get();
  try {
    const { caseItem } = await actOnCase(rt, req.principal, req.params.id, req.body, req.now);
    return { body: await residentCaseView(caseItem, city, rt.photos, req.principal, req.now) };
  } catch (err) {
    // actOnCase only reports conflicts on the caller's own case, so the resident view is theirs to see.
    throw await conflictWithView(err, (current) => residentCaseView(current, city, rt.photos, req.principal, req.now));
  }
});
