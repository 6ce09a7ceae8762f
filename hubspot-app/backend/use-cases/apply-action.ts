// A handoff action: decided by the core inside one store transaction, answered with the new view.
import {
  applyHandoffAction,
  evaluateRecord,
  HandoffRequestSchema,
  refusalStatus,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { resolveContext, type Caller } from './context.js';
import { UseCaseError } from './errors.js';
import { withPeople } from './people.js';
import { readDeal } from './record-view.js';
import { outboxItemsFor } from '../outbox/items.js';

export async function applyAction(
  deps: Deps,
  caller: Caller,
  objectType: string,
  dealId: string,
  body: unknown,
) {
  if (objectType !== 'deals' && objectType !== 'deal') {
    throw new UseCaseError(404, 'not_found', 'Handoff actions apply to deals.');
  }
  const parsed = HandoffRequestSchema.safeParse(body);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].join(
      ', ',
    );
    throw new UseCaseError(400, 'bad_request', `The action request is malformed (${where}).`, {
      fields: where,
    });
  }
  const request = parsed.data;
  const context = await resolveContext(deps, caller);
  const snapshot = await readDeal(deps, caller, context, dealId);
  const key = { portalId: caller.portalId, objectType: 'deal', recordId: dealId };
  const now = deps.clock.now();
  const others = await deps.store.getHandoffs(key);
  const handoffDef = context.playbook.handoffs.find((h) => h.id === request.handoffId);
  const people = await deps.roles.ownersByRole(caller.portalId, context.playbook);

  const answer = await deps.store.applyAction(
    key,
    request.handoffId,
    request.actionId,
    now,
    (current) => {
      const handoffs = { ...others };
      if (current) handoffs[request.handoffId] = current;
      else delete handoffs[request.handoffId];
      const before: RecordSnapshot = { ...snapshot, handoffs };
      const result = applyHandoffAction(context.playbook, before, request, context.viewer, now);
      if (!result.ok) {
        const view = evaluateRecord(context.playbook, before, context.viewer, now);
        return {
          kind: 'answer',
          response: {
            status: refusalStatus(result.refusal.code),
            body: { refusal: result.refusal, view },
          },
        };
      }
      return {
        kind: 'store',
        state: result.state,
        outbox: (state) =>
          handoffDef
            ? outboxItemsFor(
                context.playbook,
                handoffDef,
                dealId,
                result.events,
                state.events,
                state.version,
                {
                  ownersByRole: people.byRole,
                  ownerOfUser: people.ownerOfUser,
                  nameOfUser: people.nameOfUser,
                },
              )
            : [],
        response: (state) => ({
          status: 200,
          body: evaluateRecord(
            context.playbook,
            { ...snapshot, handoffs: { ...handoffs, [request.handoffId]: state } },
            context.viewer,
            now,
          ),
        }),
      };
    },
  );
  if (!answer.replayed && answer.status === 200) deps.afterCommit?.(caller.portalId);
  // Names are added to the answer, not recorded with it: a replay shows today's names.
  return { ...answer, body: await namedBody(deps, caller.portalId, answer.status, answer.body) };
}

/** The view in an answer (the body itself, or beside a refusal) with the people it mentions named. */
async function namedBody(deps: Deps, portalId: string, status: number, body: unknown) {
  if (status === 200) return withPeople(deps, portalId, body as RecordView);
  const refused = body as { refusal?: unknown; view?: RecordView } | null;
  if (refused?.view) return { ...refused, view: await withPeople(deps, portalId, refused.view) };
  return body;
}
