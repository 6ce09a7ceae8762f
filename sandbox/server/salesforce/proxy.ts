// The page server's door to the Salesforce org, for the panel's Lightning Data Service stand-ins.
//
// Contract (helper B's page codes against exactly this):
//   GET  /sf/session?viewer=<key>  → { userId, timeZone, customPermissions: string[], apiVersion }
//        <key> is the page's viewer key (rep1 … rep4, cs1, cs2, admin, guest). Unknown → 404 { error }.
//   ANY  /sf/api/<path>[?query]    → forwarded to the emulator's /services/data/v<apiVersion>/<path>
//        with the body, content-type and If-Unmodified-Since, as the Salesforce user of the viewer
//        named by the `X-Handoff-Viewer: <key>` header; the emulator's status and body come back
//        as they are (UI API, GraphQL, SOQL). A missing or unknown viewer → 401
//        [{ errorCode: 'INVALID_SESSION_ID', message }].
//   GET  /sf/opportunity?deal=<HubSpot deal id> → { id, name, stageName, accountName } of the same
//        deal's Opportunity. Unknown → 404 { error }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxMeta } from '../meta.js';
import { API_VERSION, type SalesforceOrg } from './org.js';

/** The people's time zone: the default playbook's business calendar. */
const TIME_ZONE = 'America/New_York';
const FORWARDED = [
  'content-type',
  'if-unmodified-since',
  'if-modified-since',
  'sforce-query-options',
];

export function salesforceDoor(org: SalesforceOrg, meta: () => SandboxMeta) {
  const sf = () => meta().salesforce;

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const viewer = String(req.headers['x-handoff-viewer'] ?? '');
    const rest = url.pathname.slice('/sf/api/'.length);
    const body = await readBody(req);
    const forward = async (fresh: boolean) => {
      const token = org.tokenFor(viewer, fresh);
      if (!token) return undefined;
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      for (const name of FORWARDED) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      return fetch(`${org.emulator.url}/services/data/v${API_VERSION}/${rest}${url.search}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 && req.method !== 'GET' ? { body: new Uint8Array(body) } : {}),
      });
    };
    let answer = await forward(false);
    // A session ended on the emulator's clock: sign the viewer in again once.
    if (answer?.status === 401) answer = await forward(true);
    if (!answer) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify([
          {
            errorCode: 'INVALID_SESSION_ID',
            message: `The sandbox has no Salesforce user for the viewer "${viewer}" (X-Handoff-Viewer).`,
          },
        ]),
      );
      return;
    }
    const text = Buffer.from(await answer.arrayBuffer());
    const headers: Record<string, string> = {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    };
    const limit = answer.headers.get('sforce-limit-info');
    if (limit) headers['sforce-limit-info'] = limit;
    res.writeHead(answer.status, headers);
    res.end(text);
  }

  function session(url: URL) {
    const viewer = url.searchParams.get('viewer') ?? '';
    const userId = sf()?.users[viewer];
    if (!userId)
      return {
        status: 404,
        body: { error: `No Salesforce user for the viewer "${viewer}".` },
      };
    return {
      status: 200,
      body: {
        userId,
        timeZone: TIME_ZONE,
        customPermissions: org.emulator.customPermissions(userId),
        apiVersion: API_VERSION,
      },
    };
  }

  function opportunity(url: URL) {
    const dealId = url.searchParams.get('deal') ?? '';
    const key = Object.entries(meta().deals).find(([, id]) => id === dealId)?.[0];
    const id = key ? sf()?.opportunities[key] : undefined;
    const record = id ? org.emulator.records('Opportunity').find((r) => r.Id === id) : undefined;
    if (!record)
      return { status: 404, body: { error: `No Opportunity for the HubSpot deal "${dealId}".` } };
    const account = org.emulator.records('Account').find((a) => a.Id === record.AccountId);
    return {
      status: 200,
      body: {
        id: record.Id,
        name: record.Name,
        stageName: record.StageName,
        accountName: typeof account?.Name === 'string' ? account.Name : null,
      },
    };
  }

  /** Answers a `/sf/…` request of this door; false when the path is not one of its routes. */
  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    if (url.pathname.startsWith('/sf/api/')) {
      await api(req, res, url);
      return true;
    }
    const route =
      req.method === 'GET' && url.pathname === '/sf/session'
        ? session
        : req.method === 'GET' && url.pathname === '/sf/opportunity'
          ? opportunity
          : undefined;
    if (!route) return false;
    const answer = route(url);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
    return true;
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
