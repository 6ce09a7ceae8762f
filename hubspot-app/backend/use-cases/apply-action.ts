// A handoff action: decided by the core inside one store transaction, answered with the new view.
import {
  applyHandoffAction,
  evaluateRecord,
  HandoffRequestSchema,
  refusalStatus,
  type HandoffRequest,
  type RecordSnapshot,
  type RecordView,
} from '@handoff/shared';
import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { resolveContext, type Caller } from './context.js';
import { checkActionBounds, checkRecordId } from './bounds.js';
import { UseCaseError } from './errors.js';
import { withPeople } from './people.js';
import { withExpansionDeal } from './expansion-deal.js';
import {
  readNamedCompany,
  readNamedContact,
  readNamedDeal,
  rememberRecord,
} from './record-view.js';
import { companyOutboxItemsFor, contactOutboxItemsFor, outboxItemsFor } from '../outbox/items.js';

/** The records a handoff action applies to, by the card's object type names. */
const ACTION_OBJECTS: Record<string, 'deal' | 'contact' | 'company' | undefined> = {
  deals: 'deal',
  deal: 'deal',
  contacts: 'contact',
  contact: 'contact',
  companies: 'company',
  company: 'company',
};

/** What an action on each object writes to HubSpot afterwards (outbox/items.ts). */
const OUTBOX_ITEMS = {
  deal: outboxItemsFor,
  contact: contactOutboxItemsFor,
  company: companyOutboxItemsFor,
} as const;

export async function applyAction(
  deps: Deps,
  caller: Caller,
  objectType: string,
  dealId: string,
  body: unknown,
) {
  const object = ACTION_OBJECTS[objectType];
  if (!object) {
    throw new UseCaseError(
      404,
      'not_found',
      'Handoff actions apply to deals, contacts and companies.',
    );
  }
  checkRecordId(dealId, `${object} id`);
  checkActionBounds(body);
  const parsed = HandoffRequestSchema.safeParse(body);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))]
      .join(', ')
      .slice(0, 200);
    throw new UseCaseError(400, 'bad_request', `The action request is malformed (${where}).`, {
      fields: where,
    });
  }
  const asked = parsed.data;
  // Only an accept on a company (a CS → sales expansion) links a deal.
  if (
    asked.action.type === 'accept' &&
    asked.action.linkedRecordId !== undefined &&
    object !== 'company'
  )
    throw new UseCaseError(
      400,
      'bad_request',
      'Only an expansion accepted on a company links a deal.',
      {
        fields: 'action.linkedRecordId',
      },
    );
  const context = await resolveContext(deps, caller);
  const { snapshot, name: dealName } =
    object === 'deal'
      ? await readNamedDeal(deps, caller, context, dealId, false)
      : object === 'contact'
        ? await readNamedContact(context, dealId)
        : await readNamedCompany(context, dealId);
  const key = { portalId: caller.portalId, objectType: object, recordId: dealId };
  const now = deps.clock.now();
  const others = await deps.store.getHandoffs(key);
  const handoffDef = context.playbook.handoffs.find((h) => h.id === asked.handoffId);
  const people = await deps.roles.ownersByRole(caller.portalId, context.playbook);

  // A request refused on the state read just now is answered without a transaction, so a
  // refusal writes nothing at all (not even a lock row); a retried actionId still replays.
  const early = applyHandoffAction(
    context.playbook,
    { ...snapshot, handoffs: others },
    asked,
    context.viewer,
    now,
  );
  // An expansion the AE may accept gets its deal before the accept is stored (a replay has it).
  const request =
    object === 'company' && early.ok && !early.duplicate && asked.action.type === 'accept'
      ? await withExpansionDeal(context, {
          companyId: dealId,
          companyName: dealName,
          request: asked,
          state: others[asked.handoffId],
          ownerId: people.ownerOfUser(caller.userId),
        })
      : asked;
  const answer =
    !early.ok && !(await deps.store.hasAction(key, request.handoffId, request.actionId))
      ? {
          status: refusalStatus(early.refusal.code),
          body: {
            refusal: early.refusal,
            view: evaluateRecord(
              context.playbook,
              { ...snapshot, handoffs: others },
              context.viewer,
              now,
            ),
          },
          replayed: false,
          reused: undefined,
        }
      : await deps.store.applyAction(
          key,
          request.handoffId,
          request.actionId,
          now,
          (current) => {
            const handoffs = { ...others };
            if (current) handoffs[request.handoffId] = current;
            else delete handoffs[request.handoffId];
            const before: RecordSnapshot = { ...snapshot, handoffs };
            const result = applyHandoffAction(
              context.playbook,
              before,
              request,
              context.viewer,
              now,
            );
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
              // Notes and tasks on the record; on a contact the decision also moves it where the
              // playbook says (onAccept / onReject); on a deal the handoff is mirrored too.
              outbox: (state) =>
                handoffDef
                  ? OUTBOX_ITEMS[object](
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
                      {
                        dealName,
                        fromStage: snapshot.stage,
                        // The timers as they stand after the action: a review is due when the
                        // accept SLA that now runs is due.
                        timers: evaluateRecord(
                          context.playbook,
                          { ...snapshot, handoffs: { ...handoffs, [request.handoffId]: state } },
                          context.viewer,
                          now,
                        ).timers,
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
          fingerprint(asked),
        );
  if (answer.reused) {
    return {
      status: 409,
      body: {
        refusal: {
          code: 'conflict',
          message:
            'This actionId was already used on this deal for a different request; send the action again with a new actionId.',
          details: { actionId: request.actionId },
        },
      },
    };
  }
  if (!answer.replayed && answer.status !== 200) {
    // The only trace a refused action leaves (nothing is stored for it): one bounded log line.
    const refusal = (answer.body as { refusal?: { code?: string } } | null)?.refusal;
    deps.log.info(
      {
        audit: 'action_refused',
        portalId: caller.portalId,
        userId: caller.userId,
        dealId,
        handoffId: request.handoffId,
        actionId: request.actionId,
        action: request.action.type,
        status: answer.status,
        code: refusal?.code,
      },
      'action refused',
    );
  }
  if (!answer.replayed && answer.status === 200) {
    await rememberRecord(deps, caller.portalId, object, dealId, { name: dealName, snapshot });
    deps.afterCommit?.(caller.portalId);
  }
  // Names are added to the answer, not recorded with it: a replay shows today's names.
  return { ...answer, body: await namedBody(deps, caller.portalId, answer.status, answer.body) };
}

/** Identifies what a request asks, so a reused actionId with another body is told apart. */
function fingerprint(request: HandoffRequest): string {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
  const { handoffId, expectedVersion, action } = request;
  return createHash('sha256')
    .update(
      JSON.stringify(canonical({ handoffId, expectedVersion: expectedVersion ?? null, action })),
    )
    .digest('hex');
}

/** The view in an answer (the body itself, or beside a refusal) with the people it mentions named. */
async function namedBody(deps: Deps, portalId: string, status: number, body: unknown) {
  if (status === 200) return withPeople(deps, portalId, body as RecordView);
  const refused = body as { refusal?: unknown; view?: RecordView } | null;
  if (refused?.view) return { ...refused, view: await withPeople(deps, portalId, refused.view) };
  return body;
}
