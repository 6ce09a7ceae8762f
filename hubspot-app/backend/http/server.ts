// The card API over HTTP. Every /v1 request must carry HubSpot's v3 signature; portal and user come
// from the signed query string (hubspot.fetch adds them), never from the body.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API_PREFIX, type ApiError, type ApiErrorCode } from '@handoff/shared';
import type { Deps } from '../deps.js';
import { CrmError } from '../hubspot/crm.js';
import { StoreUnavailable } from '../store/index.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './rate-limit.js';
import { verifySignatureV3 } from '../signature.js';
import { applyAction } from '../use-cases/apply-action.js';
import type { Caller } from '../use-cases/context.js';
import { UseCaseError } from '../use-cases/errors.js';
import { getPlaybook, putPlaybook } from '../use-cases/playbook.js';
import { issuePlaybookExport } from '../use-cases/playbook-export.js';
import { editPlaybook } from '../use-cases/playbook-edit.js';
import { previewPlaybook } from '../use-cases/playbook-preview.js';
import { exportHistory } from '../use-cases/history-export.js';
import { exportTokens } from '../export-token.js';
import { registerExportRoutes } from './export-routes.js';
import { getRecordView } from '../use-cases/record-view.js';
import { getQueue } from '../use-cases/queue.js';
import { getDashboard } from '../use-cases/dashboard.js';
import { retryFailedWrites } from '../use-cases/retry-writes.js';
import { getStatus } from '../use-cases/status.js';
import { deletePortalData } from '../use-cases/uninstall.js';
import { receiveWebhook } from '../use-cases/webhooks.js';
import { callerOf } from './caller.js';
import { registerOAuthRoutes, type OAuthRoutesOptions } from './oauth-routes.js';

export interface ServerOptions {
  clientSecret: string;
  /** The marketplace install flow; absent where tokens are provided another way (tests, the sandbox). */
  oauth?: OAuthRoutesOptions;
  /** Scheme and host HubSpot called, e.g. https://api.handoff.example (we may sit behind a proxy). */
  publicUrl: string;
  logLevel?: string;
  /** Per-user and per-portal request budgets (see rate-limit.ts); false turns them off (benches). */
  rateLimits?: RateLimits | false;
}

/** hubspot.fetch sends at most 1 MB. */
const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    caller: Caller;
  }
}

export function buildServer(deps: Deps, options: ServerOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    loggerInstance: deps.log,
    // Fastify's own answers to a bad URL (a 300-character id, broken escapes) quote the URL back;
    // ours name the problem only.
    frameworkErrors: (error, _request, reply) =>
      sendError(
        reply,
        error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400,
        'bad_request',
        'The request URL could not be read (a part of it is malformed or too long).',
      ),
  });
  const publicUrl = options.publicUrl.replace(/\/$/, '');

  // Keep the exact bytes HubSpot signed; parse JSON only after the signature holds.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.decorateRequest('rawBody', '');
  app.decorateRequest('caller', null as unknown as Caller);

  app.get('/healthz', async () => ({ ok: true }));
  if (options.oauth) registerOAuthRoutes(app, options.oauth);
  const tokens = exportTokens(options.clientSecret);
  registerExportRoutes(app, deps, tokens);

  // HubSpot's webhook deliveries carry the same v3 signature, over our public /webhooks URL.
  app.post('/webhooks', async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const verdict = verifySignatureV3({
      secret: options.clientSecret,
      method: 'POST',
      uri: `${publicUrl}${request.url}`,
      body: raw,
      signature: header(request, 'x-hubspot-signature-v3'),
      timestamp: header(request, 'x-hubspot-request-timestamp'),
      now: deps.clock.now(),
    });
    if (!verdict.ok)
      return sendError(reply, 401, 'unauthorized', 'This webhook is not signed by HubSpot.');
    let body: unknown;
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      return sendError(reply, 400, 'bad_request', 'The webhook body is not valid JSON.');
    }
    return receiveWebhook(deps, body);
  });

  app.register(
    async (api) => {
      api.addHook('preHandler', async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        request.rawBody = raw;
        const verdict = verifySignatureV3({
          secret: options.clientSecret,
          method: request.method,
          uri: `${publicUrl}${request.url}`,
          body: raw,
          signature: header(request, 'x-hubspot-signature-v3'),
          timestamp: header(request, 'x-hubspot-request-timestamp'),
          now: deps.clock.now(),
        });
        if (!verdict.ok) {
          request.log.warn({ reason: verdict.reason }, 'signature refused');
          return sendError(reply, 401, 'unauthorized', 'This request is not signed by HubSpot.');
        }
        const called = callerOf(request.url);
        if (!called.ok) return sendError(reply, 400, 'bad_request', called.message);
        request.caller = called.caller;
        if (raw !== '') {
          try {
            request.body = JSON.parse(raw) as unknown;
          } catch {
            return sendError(reply, 400, 'bad_request', 'The request body is not valid JSON.');
          }
        }
        return undefined;
      });

      // Runs after the signature hook above: portal and user are known and signed by then.
      const limiter =
        options.rateLimits === false
          ? undefined
          : new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
      api.addHook('preHandler', async (request, reply) => {
        if (!limiter || !request.caller) return undefined;
        const waitMs = limiter.take(request.caller.portalId, request.caller.userId);
        if (waitMs === 0) return undefined;
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        return sendError(
          reply,
          429,
          'rate_limited',
          'Too many requests from this user or HubSpot account; try again in a few seconds.',
        );
      });

      api.get('/records/:objectType/:objectId', async (request) => {
        const { objectType, objectId } = request.params as { objectType: string; objectId: string };
        return getRecordView(deps, request.caller, objectType, objectId);
      });
      api.post('/records/:objectType/:objectId/actions', async (request, reply) => {
        const { objectType, objectId } = request.params as { objectType: string; objectId: string };
        const answer = await applyAction(deps, request.caller, objectType, objectId, request.body);
        return reply.status(answer.status).send(answer.body);
      });
      api.get('/playbook', async (request) => getPlaybook(deps, request.caller));
      api.put('/playbook', async (request, reply) => {
        const answer = await putPlaybook(deps, request.caller, request.body);
        return reply.status(answer.status).send(answer.body);
      });
      api.post('/playbook/preview', async (request, reply) => {
        const answer = await previewPlaybook(deps, request.caller, request.body);
        return reply.status(answer.status).send(answer.body);
      });
      api.get('/history', async (request) => exportHistory(deps, request.caller));
      api.post('/playbook/edit', async (request) =>
        editPlaybook(deps, request.caller, request.body),
      );
      api.post('/playbook/export', async (request) =>
        issuePlaybookExport(deps, request.caller, tokens, publicUrl),
      );
      api.get('/queue', async (request) => getQueue(deps, request.caller, request.query));
      api.get('/dashboard', async (request) => getDashboard(deps, request.caller, request.query));
      api.get('/status', async (request) => getStatus(deps, request.caller));
      api.post('/outbox/retry', async (request) => retryFailedWrites(deps, request.caller));
      api.delete('/installation', async (request) => deletePortalData(deps, request.caller));
    },
    { prefix: API_PREFIX },
  );

  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, 404, 'not_found', 'There is nothing here.'),
  );
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof UseCaseError)
      return sendError(reply, error.status, error.code, error.message, error.details);
    if (error instanceof StoreUnavailable) {
      request.log.warn({ reason: error.reason }, 'database unavailable');
      return sendError(reply, 503, 'internal', error.message);
    }
    if (error instanceof CrmError)
      return sendError(
        reply,
        error.status,
        error.status === 429 ? 'rate_limited' : 'internal',
        error.message,
      );
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, 'payload_too_large', 'The request body is larger than 1 MB.');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 400, 'bad_request', 'The request could not be read.');
    }
    request.log.error({ err: { message: error.message, name: error.name } }, 'request failed');
    return sendError(reply, 500, 'internal', 'Something went wrong on our side; try again.');
  });
  return app;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendError(
  reply: FastifyReply,
  status: number,
  code: ApiErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  const body: ApiError = { error: { code, message, ...(details ? { details } : {}) } };
  return reply.status(status).send(body);
}
